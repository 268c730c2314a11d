using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Shows;
using Microsoft.Data.Sqlite;

namespace BoxOffice.Adapters.Local.Sqlite;

internal sealed class SqliteOrderStore(SqliteDatabase db, CursorCodec cursors) : IOrderStore
{
    private const string Columns = "order_id, show_id, user_id, holder_name, quantity, unit_price, status, ticket_codes, document_key, cancel_reason, created_at, updated_at";

    public async Task<OrderPlacementResult> PlaceAsync(Order order, IdempotencyRecord? idempotency, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        if (idempotency is not null)
        {
            // An expired record (IdempotencyRecord.IsExpiredAt) may be taken over; a live one wins and is handed back.
            var claimed = await connection.ExecuteAsync(
                """
                INSERT INTO idempotency (user_id, idempotency_key, request_hash, order_id, expires_at) VALUES ($user, $key, $hash, $order, $expires)
                ON CONFLICT (user_id, idempotency_key) DO UPDATE SET request_hash = excluded.request_hash, order_id = excluded.order_id, expires_at = excluded.expires_at
                WHERE idempotency.expires_at <= $now
                """,
                ct, ("$user", idempotency.UserId), ("$key", idempotency.Key), ("$hash", idempotency.RequestHash),
                ("$order", order.OrderId), ("$expires", idempotency.ExpiresAt.Millis()), ("$now", now.Millis()));
            if (claimed == 0)
                return new OrderPlacementResult(OrderPlacementOutcome.KeyExists, Existing: await GetIdempotencyAsync(connection, idempotency.UserId, idempotency.Key, now, ct));
        }

        // Order.RefusalFor as the reservation's condition; when it takes nothing, the rule says why.
        var reserved = await connection.ExecuteAsync(
            $"UPDATE shows SET seats_available = seats_available - $qty WHERE show_id = $show AND status = '{ShowStatus.OnSale}' AND starts_at > $now AND seats_available >= $qty AND price = $price",
            ct, ("$qty", order.Quantity), ("$show", order.ShowId), ("$now", now.Millis()), ("$price", order.UnitPrice.ToString(CultureInfo.InvariantCulture)));
        if (reserved == 0)
        {
            var show = await SqliteShowStore.GetAsync(connection, order.ShowId, ct);
            return OrderPlacementResult.Of(order.RefusalFor(show, now)
                ?? throw new InvalidOperationException($"Order {order.OrderId} took no seats, yet its show allows it."));
        }

        await connection.ExecuteAsync(
            $"INSERT INTO orders ({Columns}) VALUES ($id, $show, $user, $holder, $qty, $price, $status, '[]', NULL, NULL, $created, $updated)",
            ct, ("$id", order.OrderId), ("$show", order.ShowId), ("$user", order.UserId), ("$holder", order.HolderName), ("$qty", order.Quantity),
            ("$price", order.UnitPrice.ToString(CultureInfo.InvariantCulture)), ("$status", order.Status.ToString()),
            ("$created", order.CreatedAt.Millis()), ("$updated", order.UpdatedAt.Millis()));
        await tx.CommitAsync(ct);
        return new OrderPlacementResult(OrderPlacementOutcome.Placed, order);
    }

    public async Task<Order?> GetAsync(string orderId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, orderId, ct);
    }

    private static async Task<Order?> GetAsync(SqliteConnection connection, string orderId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync($"SELECT {Columns} FROM orders WHERE order_id = $id", Read, ct, ("$id", orderId));
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<Page<Order>> ListByUserAsync(string userId, PageRequest page, CancellationToken ct) =>
        ListAsync($"orders:user:{userId}", "user_id = $owner", userId, newestFirst: true, page, ct);

    public Task<Page<Order>> ListByShowAsync(string showId, PageRequest page, CancellationToken ct) =>
        ListAsync($"orders:show:{showId}", "show_id = $owner", showId, newestFirst: false, page, ct);

    private async Task<Page<Order>> ListAsync(string scope, string filter, string owner, bool newestFirst, PageRequest page, CancellationToken ct)
    {
        var (at, id) = KeysetPaging.After(cursors, scope, page, newestFirst ? (long.MaxValue, "\uffff") : (long.MinValue, ""));
        var (cmp, dir) = newestFirst ? ("<", "DESC") : (">", "ASC");
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync(
            $"SELECT {Columns} FROM orders WHERE {filter} AND (created_at {cmp} $t OR (created_at = $t AND order_id {cmp} $id)) ORDER BY created_at {dir}, order_id {dir} LIMIT $limit",
            Read, ct, ("$owner", owner), ("$t", at), ("$id", id), ("$limit", page.Limit + 1));
        return KeysetPaging.Of(rows, page, cursors, scope, order => (order.CreatedAt, order.OrderId));
    }

    public async Task<IdempotencyRecord?> GetIdempotencyAsync(string userId, string key, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetIdempotencyAsync(connection, userId, key, now, ct);
    }

    private static async Task<IdempotencyRecord?> GetIdempotencyAsync(SqliteConnection connection, string userId, string key, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await connection.QueryAsync(
            "SELECT request_hash, order_id, expires_at FROM idempotency WHERE user_id = $user AND idempotency_key = $key",
            r => new IdempotencyRecord(userId, key, r.String("request_hash"), r.String("order_id"), r.Time("expires_at")),
            ct, ("$user", userId), ("$key", key));
        return rows is [{ } record] && !record.IsExpiredAt(now) ? record : null;
    }

    /// <summary>One statement, so the show's status is read in the same write as the order's: a show cancelled first wins.</summary>
    public async Task<ConfirmOrderOutcome> ConfirmAsync(string orderId, string showId, IReadOnlyList<string> ticketCodes, string documentKey, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var confirmed = await connection.ExecuteAsync(
            $"""
            UPDATE orders SET status = '{OrderStatus.Confirmed}', ticket_codes = $codes, document_key = $doc, updated_at = $now
            WHERE order_id = $id AND show_id = $show AND status = '{OrderStatus.Pending}'
              AND EXISTS (SELECT 1 FROM shows WHERE shows.show_id = orders.show_id AND shows.status <> '{ShowStatus.Cancelled}')
            """,
            ct, ("$id", orderId), ("$show", showId), ("$codes", JsonSerializer.Serialize(ticketCodes, SqliteJsonContext.Default.IReadOnlyListString)), ("$doc", documentKey), ("$now", now.Millis()));
        if (confirmed == 1) return ConfirmOrderOutcome.Confirmed;
        return await GetAsync(connection, orderId, ct) is { Status: OrderStatus.Pending } order && order.ShowId == showId
            ? ConfirmOrderOutcome.ShowCancelled
            : ConfirmOrderOutcome.NotPending;
    }

    public Task<CancelOrderOutcome> CancelAsync(string orderId, string reason, bool releaseSeats, DateTimeOffset now, CancellationToken ct) =>
        CancelAsync(orderId, reason, releaseSeats, pendingOnly: false, now, ct);

    public Task<CancelOrderOutcome> CancelPendingAsync(string orderId, string reason, bool releaseSeats, DateTimeOffset now, CancellationToken ct) =>
        CancelAsync(orderId, reason, releaseSeats, pendingOnly: true, now, ct);

    private async Task<CancelOrderOutcome> CancelAsync(string orderId, string reason, bool releaseSeats, bool pendingOnly, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        var order = await GetAsync(connection, orderId, ct);
        if (order is null) return CancelOrderOutcome.NotFound;
        if (order.Status == OrderStatus.Cancelled) return CancelOrderOutcome.AlreadyCancelled;
        if (pendingOnly && order.Status != OrderStatus.Pending) return CancelOrderOutcome.NotPending;
        await connection.ExecuteAsync(
            $"UPDATE orders SET status = '{OrderStatus.Cancelled}', cancel_reason = $reason, updated_at = $now WHERE order_id = $id",
            ct, ("$id", orderId), ("$reason", reason), ("$now", now.Millis()));
        // The transaction holds the write lock, so the seats read here are the ones the update moves.
        if (releaseSeats && await SqliteShowStore.GetAsync(connection, order.ShowId, ct) is { } show)
        {
            await connection.ExecuteAsync(
                "UPDATE shows SET seats_available = seats_available + $returned WHERE show_id = $show",
                ct, ("$returned", show.SeatsReturnedBy(order.Quantity)), ("$show", order.ShowId));
        }
        await tx.CommitAsync(ct);
        return CancelOrderOutcome.Cancelled;
    }

    /// <summary>Through the partial index <c>orders_pending</c>, which holds Pending orders only; keyset pages of 100.</summary>
    public async IAsyncEnumerable<PendingOrder> ListPendingAsync(DateTimeOffset placedBefore, [EnumeratorCancellation] CancellationToken ct)
    {
        const int pageSize = 100;
        var (at, id) = (long.MinValue, "");
        while (true)
        {
            List<PendingOrder> page;
            await using (var connection = await db.OpenAsync(ct))
            {
                page = await connection.QueryAsync(
                    $"""
                    SELECT order_id, created_at FROM orders INDEXED BY orders_pending
                    WHERE status = '{OrderStatus.Pending}' AND created_at < $before AND (created_at > $t OR (created_at = $t AND order_id > $id))
                    ORDER BY created_at, order_id LIMIT $limit
                    """,
                    r => new PendingOrder(r.String("order_id"), r.Time("created_at")),
                    ct, ("$before", placedBefore.Millis()), ("$t", at), ("$id", id), ("$limit", pageSize));
            }
            foreach (var pending in page) yield return pending;
            if (page.Count < pageSize) yield break;
            (at, id) = (page[^1].PlacedAt.Millis(), page[^1].OrderId);
        }
    }

    private static Order Read(SqliteDataReader r) => new()
    {
        OrderId = r.String("order_id"),
        ShowId = r.String("show_id"),
        UserId = r.String("user_id"),
        HolderName = r.NullableString("holder_name"),
        Quantity = r.Int("quantity"),
        UnitPrice = decimal.Parse(r.String("unit_price"), CultureInfo.InvariantCulture),
        Status = Enum.Parse<OrderStatus>(r.String("status")),
        TicketCodes = JsonSerializer.Deserialize(r.String("ticket_codes"), SqliteJsonContext.Default.StringArray) ?? [],
        DocumentKey = r.NullableString("document_key"),
        CancelReason = r.NullableString("cancel_reason"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
