using BoxOffice.Core.Paging;

namespace BoxOffice.Core.Orders;

/// <summary>Storage port for orders, their seats and idempotency keys.</summary>
public interface IOrderStore
{
    /// <summary>
    /// In one atomic step: takes <c>order.Quantity</c> seats from an on-sale show that has not started and still has
    /// <c>order.UnitPrice</c> as its price, records the
    /// order as Pending and, when given, the idempotency record (which must not exist yet). All or nothing.
    /// </summary>
    Task<PlaceOrderResult> PlaceAsync(Order order, IdempotencyRecord? idempotency, DateTimeOffset now, CancellationToken ct);

    Task<Order?> GetAsync(string orderId, CancellationToken ct);

    /// <summary>A user's orders, newest first.</summary>
    Task<Page<Order>> ListByUserAsync(string userId, PageRequest page, CancellationToken ct);

    /// <summary>A show's orders, oldest first (cancellation job, reports).</summary>
    Task<Page<Order>> ListByShowAsync(string showId, PageRequest page, CancellationToken ct);

    Task<IdempotencyRecord?> GetIdempotencyAsync(string userId, string key, DateTimeOffset now, CancellationToken ct);

    /// <summary>Pending → Confirmed with its tickets; false when the order is not Pending (already done, or cancelled).</summary>
    Task<bool> ConfirmAsync(string orderId, IReadOnlyList<string> ticketCodes, string documentKey, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Moves an order to Cancelled at most once; the same step gives its seats back to the show when
    /// <paramref name="releaseSeats"/> is set, so a repeated call never releases them twice.
    /// </summary>
    Task<CancelOrderOutcome> CancelAsync(string orderId, string reason, bool releaseSeats, DateTimeOffset now, CancellationToken ct);
}
