using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Shows;
using static BoxOffice.Adapters.Aws.DynamoDb.DynamoDbAttributes;

namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>
/// Orders in the single table. Placing one is a single TransactWriteItems: the show's seats are taken under
/// <see cref="Order.RefusalFor"/> written as a condition (on sale, not started, enough seats, still at the order's
/// price), the order is put only if absent and the idempotency record only if absent or expired; a cancelled
/// transaction is read back from its cancellation reasons into the outcome the caller answers with.
/// </summary>
internal sealed class DynamoDbOrderStore(DynamoDbTable table) : IOrderStore
{
    private const int MaxAttempts = 6;
    private const string ConditionFailed = "ConditionalCheckFailed";

    public async Task<OrderPlacementResult> PlaceAsync(Order order, IdempotencyRecord? idempotency, DateTimeOffset now, CancellationToken ct)
    {
        var request = new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new ItemUpdate(table.Name, ShowItem.Key(order.ShowId))
                    .Add("SeatsAvailable", -order.Quantity)
                    .When("attribute_exists({PK}) AND {Status} = :onSale AND {StartsAt} > :now AND {SeatsAvailable} >= :quantity AND {Price} = :price",
                        (":onSale", Str(nameof(ShowStatus.OnSale))), (":now", Time(now)), (":quantity", Num(order.Quantity)), (":price", Num(order.UnitPrice)))
                    .ToTransactItem(),
                new TransactWriteItem { Put = new Put { TableName = table.Name, Item = OrderItem.From(order), ConditionExpression = "attribute_not_exists(PK)" } },
            ],
            // Makes a retry of the same call (a lost answer) succeed without taking the seats twice.
            ClientRequestToken = order.OrderId.Length <= 36 ? order.OrderId : null,
        };
        if (idempotency is not null)
        {
            request.TransactItems.Add(new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = table.Name,
                    Item = IdempotencyItem.From(idempotency),
                    // An expired record (IdempotencyRecord.IsExpiredAt) that DynamoDB's TTL has not swept yet may be
                    // taken over. The exact expiry, not the TTL's whole seconds: times compare as fixed-width text.
                    ConditionExpression = "attribute_not_exists(PK) OR #expiresAt <= :now",
                    ExpressionAttributeNames = new() { ["#expiresAt"] = IdempotencyItem.ExpiresAt },
                    ExpressionAttributeValues = new() { [":now"] = Time(now) },
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
            });
        }

        // Conflicts and throttling are retried inside TransactWriteAsync; once spent, they surface as a transient failure.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await table.TransactWriteAsync(request, ct);
                return new OrderPlacementResult(OrderPlacementOutcome.Placed, order);
            }
            catch (TransactionCanceledException ex) when (!DynamoDbTable.IsTransient(ex))
            {
                var refusal = await RefusalAsync(ex.CancellationReasons ?? [], order, idempotency, now, ct);
                // No refusal: the show read back allows the order now (it changed since the write), so try again.
                if (refusal is not null) return refusal;
                if (attempt >= MaxAttempts) throw new InvalidOperationException($"Placing order {order.OrderId} was cancelled: {ex.Message}", ex);
            }
        }
    }

    private async Task<OrderPlacementResult?> RefusalAsync(
        List<CancellationReason> reasons, Order order, IdempotencyRecord? idempotency, DateTimeOffset now, CancellationToken ct)
    {
        if (idempotency is not null && reasons.Count > 2 && reasons[2].Code == ConditionFailed)
        {
            var existing = reasons[2].Item is { Count: > 0 } item
                ? IdempotencyItem.ToRecord(item)
                : await GetIdempotencyAsync(idempotency.UserId, idempotency.Key, now, ct);
            return new OrderPlacementResult(OrderPlacementOutcome.KeyExists, Existing: existing);
        }
        if (reasons.Count > 0 && reasons[0].Code == ConditionFailed)
        {
            // The show as the condition saw it (returned with the failure), else as it is now.
            var stored = reasons[0].Item is { Count: > 0 } item ? item : await table.GetAsync(ShowItem.Key(order.ShowId), ct);
            return order.RefusalFor(stored is null ? null : ShowItem.ToShow(stored), now) is { } refusal ? OrderPlacementResult.Of(refusal) : null;
        }
        throw new InvalidOperationException($"Placing order {order.OrderId} was cancelled for a reason other than its conditions: "
            + string.Join(", ", reasons.Select(r => r.Code)));
    }

    public async Task<Order?> GetAsync(string orderId, CancellationToken ct) =>
        await table.GetAsync(OrderItem.Key(orderId), ct) is { } item ? OrderItem.ToOrder(item) : null;

    public Task<Page<Order>> ListByUserAsync(string userId, PageRequest page, CancellationToken ct) =>
        table.QueryPageAsync(BoxOfficeTable.Gsi1, OrderItem.UserPartition(userId), null, ascending: false,
            $"orders:user:{userId}", page, OrderItem.ToOrder, ct);

    public Task<Page<Order>> ListByShowAsync(string showId, PageRequest page, CancellationToken ct) =>
        table.QueryPageAsync(BoxOfficeTable.Gsi2, OrderItem.ShowPartition(showId), null, ascending: true,
            $"orders:show:{showId}", page, OrderItem.ToOrder, ct);

    public async Task<IdempotencyRecord?> GetIdempotencyAsync(string userId, string key, DateTimeOffset now, CancellationToken ct) =>
        await table.GetAsync(IdempotencyItem.Key(userId, key), ct) is { } item && IdempotencyItem.ToRecord(item) is { } record && !record.IsExpiredAt(now)
            ? record
            : null;

    /// <summary>
    /// One transaction: the order goes from Pending to Confirmed (and leaves the Pending index) while a ConditionCheck
    /// holds that its show exists and is not cancelled. A show cancelled first fails the check, so an order is never
    /// Confirmed for a cancelled show, whatever the show's cancellation job has seen of its orders yet.
    /// </summary>
    public async Task<ConfirmOrderOutcome> ConfirmAsync(string orderId, string showId, IReadOnlyList<string> ticketCodes, string documentKey, DateTimeOffset now, CancellationToken ct)
    {
        var confirm = PendingOrderIndex.RemoveFrom(new ItemUpdate(table.Name, OrderItem.Key(orderId))
            .Set("Status", Str(nameof(OrderStatus.Confirmed)))
            .Set("TicketCodes", List(ticketCodes))
            .Set("DocumentKey", Str(documentKey))
            .Set("UpdatedAt", Time(now))
            .When("attribute_exists({PK}) AND {Status} = :pending AND {ShowId} = :show", (":pending", Str(nameof(OrderStatus.Pending))), (":show", Str(showId))));
        var showOpen = new TransactWriteItem
        {
            ConditionCheck = new ConditionCheck
            {
                TableName = table.Name,
                Key = ShowItem.Key(showId),
                ConditionExpression = "attribute_exists(#pk) AND #status <> :cancelled",
                ExpressionAttributeNames = new() { ["#pk"] = BoxOfficeTable.PK, ["#status"] = "Status" },
                ExpressionAttributeValues = new() { [":cancelled"] = Str(nameof(ShowStatus.Cancelled)) },
            },
        };
        try
        {
            await table.TransactWriteAsync(new TransactWriteItemsRequest { TransactItems = [confirm.ToTransactItem(), showOpen] }, ct);
            return ConfirmOrderOutcome.Confirmed;
        }
        catch (TransactionCanceledException ex) when (ex.CancellationReasons is [{ Code: ConditionFailed }, ..])
        {
            return ConfirmOrderOutcome.NotPending;
        }
        catch (TransactionCanceledException ex) when (ex.CancellationReasons is [_, { Code: ConditionFailed }, ..])
        {
            return ConfirmOrderOutcome.ShowCancelled;
        }
    }

    public Task<CancelOrderOutcome> CancelAsync(string orderId, string reason, bool releaseSeats, DateTimeOffset now, CancellationToken ct) =>
        CancelAsync(orderId, reason, releaseSeats, pendingOnly: false, now, ct);

    public Task<CancelOrderOutcome> CancelPendingAsync(string orderId, string reason, bool releaseSeats, DateTimeOffset now, CancellationToken ct) =>
        CancelAsync(orderId, reason, releaseSeats, pendingOnly: true, now, ct);

    public IAsyncEnumerable<PendingOrder> ListPendingAsync(DateTimeOffset placedBefore, CancellationToken ct) =>
        PendingOrderIndex.ListAsync(table, placedBefore, ct);

    /// <summary>
    /// Reads the order (and the show, to release seats), then moves the order to Cancelled on condition that its status
    /// is still the one read, in the same transaction as the seat release; a concurrent change makes a condition fail
    /// and the loop reads again. Conflicts and throttling are retried by the table; once spent they are thrown.
    /// </summary>
    private async Task<CancelOrderOutcome> CancelAsync(string orderId, string reason, bool releaseSeats, bool pendingOnly, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var order = await GetAsync(orderId, ct);
            if (order is null) return CancelOrderOutcome.NotFound;
            if (order.Status == OrderStatus.Cancelled) return CancelOrderOutcome.AlreadyCancelled;
            if (pendingOnly && order.Status != OrderStatus.Pending) return CancelOrderOutcome.NotPending;

            var cancel = PendingOrderIndex.RemoveFrom(new ItemUpdate(table.Name, OrderItem.Key(orderId))
                .Set("Status", Str(nameof(OrderStatus.Cancelled)))
                .Set("CancelReason", Str(reason))
                .Set("UpdatedAt", Time(now))
                .When("attribute_exists({PK}) AND {Status} = :seen", (":seen", Str(order.Status.ToString()))));
            var show = releaseSeats && await table.GetAsync(ShowItem.Key(order.ShowId), ct) is { } item ? ShowItem.ToShow(item) : null;
            try
            {
                if (show is null)
                    await table.UpdateItemAsync(cancel.ToRequest(), ct);
                else
                    await table.TransactWriteAsync(new TransactWriteItemsRequest { TransactItems = [cancel.ToTransactItem(), SeatRelease(show, order.Quantity).ToTransactItem()] }, ct);
                return CancelOrderOutcome.Cancelled;
            }
            catch (ConditionalCheckFailedException)
            {
                // the status moved since it was read: read again
            }
            catch (TransactionCanceledException ex) when (ex.CancellationReasons is [{ Code: ConditionFailed }, ..] or [_, { Code: ConditionFailed }, ..])
            {
                // the order's status or the show's seats moved since they were read: read again
            }
        }
        throw new InvalidOperationException($"Order {orderId} kept changing while it was being cancelled.");
    }

    /// <summary>
    /// Gives back <see cref="Show.SeatsReturnedBy"/> seats, on condition that the rule still gives that number when
    /// the write lands: the capacity is the one read and, when all the seats return, there is still room for them under
    /// it; when fewer return (the cap applies), the available seats are exactly the ones read.
    /// </summary>
    private ItemUpdate SeatRelease(Show show, int quantity)
    {
        var returned = show.SeatsReturnedBy(quantity);
        var release = new ItemUpdate(table.Name, ShowItem.Key(show.ShowId))
            .Add("SeatsAvailable", returned)
            .When("attribute_exists({PK}) AND {Capacity} = :capacity", (":capacity", Num(show.Capacity)));
        return returned == quantity
            ? release.When("{SeatsAvailable} <= :room", (":room", Num(show.Capacity - quantity)))
            : release.When("{SeatsAvailable} = :available", (":available", Num(show.SeatsAvailable)));
    }
}
