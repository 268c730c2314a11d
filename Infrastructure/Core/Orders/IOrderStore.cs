using BoxOffice.Core.Paging;
using BoxOffice.Core.Shows;

namespace BoxOffice.Core.Orders;

/// <summary>Storage port for orders, their seats and idempotency keys.</summary>
public interface IOrderStore
{
    /// <summary>
    /// In one atomic step: takes <c>order.Quantity</c> seats from its show when <see cref="Order.RefusalFor"/> allows it
    /// (on sale, not started, still at <c>order.UnitPrice</c>, enough seats), records the order as Pending and, when
    /// given, the idempotency record (which must not exist yet, or be expired: <see cref="IdempotencyRecord.IsExpiredAt"/>).
    /// All or nothing; a refusal is the outcome <see cref="Order.RefusalFor"/> gives for the show as it was, or
    /// <see cref="OrderPlacementOutcome.KeyExists"/>.
    /// </summary>
    Task<OrderPlacementResult> PlaceAsync(Order order, IdempotencyRecord? idempotency, DateTimeOffset now, CancellationToken ct);

    Task<Order?> GetAsync(string orderId, CancellationToken ct);

    /// <summary>A user's orders, newest first.</summary>
    Task<Page<Order>> ListByUserAsync(string userId, PageRequest page, CancellationToken ct);

    /// <summary>A show's orders, oldest first (cancellation job, reports).</summary>
    Task<Page<Order>> ListByShowAsync(string showId, PageRequest page, CancellationToken ct);

    /// <summary>The key's record unless it is expired at <paramref name="now"/>.</summary>
    Task<IdempotencyRecord?> GetIdempotencyAsync(string userId, string key, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Pending → Confirmed with its tickets, in one atomic step with the check that the order's show
    /// (<paramref name="showId"/>) exists and is not cancelled, so an order can never end Confirmed for a cancelled show.
    /// </summary>
    Task<ConfirmOrderOutcome> ConfirmAsync(string orderId, string showId, IReadOnlyList<string> ticketCodes, string documentKey, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Moves an order to Cancelled at most once; the same step gives <see cref="Show.SeatsReturnedBy"/> of its seats
    /// back to the show when <paramref name="releaseSeats"/> is set, so a repeated call never releases them twice.
    /// </summary>
    Task<CancelOrderOutcome> CancelAsync(string orderId, string reason, bool releaseSeats, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// <see cref="CancelAsync"/> for an order that must still be Pending when the write lands (one that was never
    /// confirmed); <see cref="CancelOrderOutcome.NotPending"/>, changing nothing, when it no longer is.
    /// </summary>
    Task<CancelOrderOutcome> CancelPendingAsync(string orderId, string reason, bool releaseSeats, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Orders placed before <paramref name="placedBefore"/> that are still Pending (in no promised order), from an index
    /// that holds Pending orders only. The index may lag a moment behind the orders: read an order before acting on it.
    /// </summary>
    IAsyncEnumerable<PendingOrder> ListPendingAsync(DateTimeOffset placedBefore, CancellationToken ct);
}
