using BoxOffice.Core.Jobs;
using BoxOffice.Core.Shows;
using BoxOffice.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoxOffice.Core.Orders;

/// <summary>
/// Closes the gap between writing an order and sending its job: a Pending order older than
/// <see cref="OrderOptions.RepublishAfter"/> gets its ticket job again; one older than
/// <see cref="OrderOptions.MaxPendingAge"/> is cancelled, its seats released once, so no seat is held forever.
/// </summary>
public sealed partial class OrderSweep(
    IOrderStore orders, IShowStore shows, IJobPublisher jobs, IBoxOfficeMetrics metrics, IOptions<OrderOptions> options, TimeProvider clock,
    ILogger<OrderSweep> logger)
{
    public const string ExpiredReason = "not confirmed in time";

    public async Task<OrderSweepResult> SweepAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var (republished, expired) = (0, 0);
        await foreach (var pending in orders.ListPendingAsync(now - settings.RepublishAfter, ct))
        {
            if (pending.PlacedAt <= now - settings.MaxPendingAge)
            {
                if (await ExpireAsync(pending.OrderId, now, ct)) expired++;
                continue;
            }
            await jobs.PublishAsync(JobTypes.OrderPlaced, new OrderPlaced(pending.OrderId), ct);
            republished++;
        }
        metrics.OrdersCancelled(expired, CancellationCause.Expired);
        Log.Swept(logger, republished, expired);
        return new OrderSweepResult(republished, expired);
    }

    private async Task<bool> ExpireAsync(string orderId, DateTimeOffset now, CancellationToken ct)
    {
        // The index may lag: the order may have been confirmed or cancelled a moment ago.
        if (await orders.GetAsync(orderId, ct) is not { Status: OrderStatus.Pending } order) return false;
        var show = await shows.GetAsync(order.ShowId, ct);
        return await orders.CancelPendingAsync(orderId, ExpiredReason, releaseSeats: show?.TakesSeatsBack == true, now, ct) == CancelOrderOutcome.Cancelled;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Order sweep: {Republished} ticket jobs sent again, {Expired} orders cancelled unconfirmed")]
        public static partial void Swept(ILogger logger, int republished, int expired);
    }
}
