using BoxOffice.Core.Shows;
using BoxOffice.Core.Telemetry;

namespace BoxOffice.Core.Orders;

/// <summary>
/// A buyer cancels one of their orders. Someone else's order is answered like a missing one; a cancelled order is
/// returned as it is, so repeating the call is safe.
/// </summary>
public sealed class OrderCancellation(IOrderStore orders, IShowStore shows, IBoxOfficeMetrics metrics, TimeProvider clock)
{
    public const string Reason = "cancelled by customer";

    public async Task<CancelOrderResult> CancelAsync(string orderId, string userId, CancellationToken ct)
    {
        if (await orders.GetAsync(orderId, ct) is not { } order || order.UserId != userId) return new CancelOrderResult(CancelOrderOutcome.NotFound);
        if (order.Status == OrderStatus.Cancelled) return new CancelOrderResult(CancelOrderOutcome.AlreadyCancelled, order);

        var show = await shows.GetAsync(order.ShowId, ct);
        var now = clock.GetUtcNow();
        if (order.CancellationRefusalFor(show, now) is { } refusal) return new CancelOrderResult(refusal, order);
        var outcome = await orders.CancelAsync(orderId, Reason, releaseSeats: show?.TakesSeatsBack == true, now, ct);
        if (outcome == CancelOrderOutcome.Cancelled) metrics.OrdersCancelled(1, CancellationCause.Customer);
        return new CancelOrderResult(outcome, await orders.GetAsync(orderId, ct) ?? order);
    }
}
