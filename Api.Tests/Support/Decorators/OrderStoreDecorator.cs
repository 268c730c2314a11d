using BoxOffice.Core.Orders;
using BoxOffice.Core.Paging;

namespace BoxOffice.Api.Tests.Support.Decorators;

/// <summary>An <see cref="IOrderStore"/> that passes every call to <paramref name="inner"/>; tests override the calls they change.</summary>
public class OrderStoreDecorator(IOrderStore inner) : IOrderStore
{
    public virtual Task<OrderPlacementResult> PlaceAsync(Order order, IdempotencyRecord? idempotency, DateTimeOffset now, CancellationToken ct) =>
        inner.PlaceAsync(order, idempotency, now, ct);

    public virtual Task<Order?> GetAsync(string orderId, CancellationToken ct) => inner.GetAsync(orderId, ct);

    public virtual Task<Page<Order>> ListByUserAsync(string userId, PageRequest page, CancellationToken ct) => inner.ListByUserAsync(userId, page, ct);

    public virtual Task<Page<Order>> ListByShowAsync(string showId, PageRequest page, CancellationToken ct) => inner.ListByShowAsync(showId, page, ct);

    public virtual Task<IdempotencyRecord?> GetIdempotencyAsync(string userId, string key, DateTimeOffset now, CancellationToken ct) =>
        inner.GetIdempotencyAsync(userId, key, now, ct);

    public virtual Task<ConfirmOrderOutcome> ConfirmAsync(string orderId, string showId, IReadOnlyList<string> ticketCodes, string documentKey, DateTimeOffset now, CancellationToken ct) =>
        inner.ConfirmAsync(orderId, showId, ticketCodes, documentKey, now, ct);

    public virtual Task<CancelOrderOutcome> CancelAsync(string orderId, string reason, bool releaseSeats, DateTimeOffset now, CancellationToken ct) =>
        inner.CancelAsync(orderId, reason, releaseSeats, now, ct);

    public virtual Task<CancelOrderOutcome> CancelPendingAsync(string orderId, string reason, bool releaseSeats, DateTimeOffset now, CancellationToken ct) =>
        inner.CancelPendingAsync(orderId, reason, releaseSeats, now, ct);

    public virtual IAsyncEnumerable<PendingOrder> ListPendingAsync(DateTimeOffset placedBefore, CancellationToken ct) => inner.ListPendingAsync(placedBefore, ct);
}
