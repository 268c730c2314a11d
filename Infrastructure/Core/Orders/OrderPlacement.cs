using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using BoxOffice.Core.Ids;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Shows;
using BoxOffice.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Core.Orders;

/// <summary>
/// Places an order: reserves seats atomically with the order and its idempotency record, then queues the
/// ticket job. A repeated key with the same request gets the first order back; with another request it is refused.
/// </summary>
public sealed class OrderPlacement(
    IOrderStore orders, ShowPrices prices, IJobPublisher jobs, IBoxOfficeMetrics metrics, TimeProvider clock, ILogger<OrderPlacement> logger)
{
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);

    public async Task<OrderPlacementResult> PlaceAsync(string userId, string? holderName, string showId, int quantity, string? idempotencyKey, CancellationToken ct)
    {
        var result = await DecideAsync(userId, holderName, showId, quantity, idempotencyKey, ct);
        metrics.Record(result, quantity);
        return result;
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Whatever fails the job publish, the order must be cancelled or it stays Pending forever.")]
    private async Task<OrderPlacementResult> DecideAsync(string userId, string? holderName, string showId, int quantity, string? idempotencyKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = RequestHash(showId, quantity);
        // The order keeps the price it was placed at. The reservation is conditioned on that price, so a warm
        // instance can take it from a short-lived cache: an order is then one atomic write and one send.
        var price = await prices.GetAsync(showId, ct);
        if (price is null) return OrderPlacementResult.Of(OrderPlacementOutcome.ShowNotFound);
        var (order, placed) = await TryPlaceAsync(userId, holderName, showId, quantity, price.Value, idempotencyKey, hash, now, ct);
        if (placed.Outcome == OrderPlacementOutcome.PriceChanged)
        {
            price = await prices.RefreshAsync(showId, ct);
            if (price is null) return OrderPlacementResult.Of(OrderPlacementOutcome.ShowNotFound);
            (order, placed) = await TryPlaceAsync(userId, holderName, showId, quantity, price.Value, idempotencyKey, hash, now, ct);
        }
        switch (placed.Outcome)
        {
            case OrderPlacementOutcome.Placed:
                break;
            case OrderPlacementOutcome.KeyExists when placed.Existing is not null:
                return await ReplayAsync(placed.Existing, hash, ct);
            case OrderPlacementOutcome.KeyExists:
                return OrderPlacementResult.Of(OrderPlacementOutcome.KeyInFlight);
            case OrderPlacementOutcome.PriceChanged:
                return OrderPlacementResult.Of(OrderPlacementOutcome.Unavailable); // the price moved twice in a row
            default:
                return OrderPlacementResult.Of(placed.Outcome);
        }

        try
        {
            await jobs.PublishAsync(JobTypes.OrderPlaced, new OrderPlaced(order.OrderId), ct);
        }
        catch (Exception ex)
        {
            // Without its job the order would stay Pending forever: give the seats back and let the client retry.
            logger.LogError(ex, "Queueing the ticket job for order {OrderId} failed; cancelling it", order.OrderId);
            await orders.CancelAsync(order.OrderId, "could not be queued", releaseSeats: true, clock.GetUtcNow(), CancellationToken.None);
            return OrderPlacementResult.Of(OrderPlacementOutcome.Unavailable);
        }
        return new OrderPlacementResult(OrderPlacementOutcome.Placed, order);
    }

    private async Task<(Order Order, OrderPlacementResult Placed)> TryPlaceAsync(
        string userId, string? holderName, string showId, int quantity, decimal price, string? idempotencyKey, string hash, DateTimeOffset now, CancellationToken ct)
    {
        var order = new Order
        {
            OrderId = EntityId.New(),
            ShowId = showId,
            UserId = userId,
            HolderName = holderName,
            Quantity = quantity,
            UnitPrice = price,
            Status = OrderStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var record = idempotencyKey is null ? null : new IdempotencyRecord(userId, idempotencyKey, hash, order.OrderId, now + KeyLifetime);
        return (order, await orders.PlaceAsync(order, record, now, ct));
    }

    private async Task<OrderPlacementResult> ReplayAsync(IdempotencyRecord seen, string hash, CancellationToken ct)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(seen.RequestHash), Encoding.ASCII.GetBytes(hash)))
            return OrderPlacementResult.Of(OrderPlacementOutcome.KeyReused);
        var order = await orders.GetAsync(seen.OrderId, ct);
        if (order is null) return OrderPlacementResult.Of(OrderPlacementOutcome.KeyInFlight);
        // A retried request may follow a lost job: queueing it again is safe, the handler is idempotent.
        if (order.Status == OrderStatus.Pending)
            await jobs.PublishAsync(JobTypes.OrderPlaced, new OrderPlaced(order.OrderId), ct);
        return new OrderPlacementResult(OrderPlacementOutcome.Replayed, order);
    }

    public static string RequestHash(string showId, int quantity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"POST /shows/{showId}/orders\n{quantity}")));
}
