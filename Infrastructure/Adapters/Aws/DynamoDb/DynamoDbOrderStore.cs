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
    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded",
    };

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

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await table.Client.TransactWriteItemsAsync(request, ct);
                return new OrderPlacementResult(OrderPlacementOutcome.Placed, order);
            }
            catch (TransactionCanceledException ex) when (IsTransient(ex) && attempt < MaxAttempts)
            {
                await Task.Delay(Backoff(attempt), ct);
            }
            catch (TransactionCanceledException ex)
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

    public Task<bool> ConfirmAsync(string orderId, IReadOnlyList<string> ticketCodes, string documentKey, DateTimeOffset now, CancellationToken ct) =>
        table.TryUpdateAsync(new ItemUpdate(table.Name, OrderItem.Key(orderId))
            .Set("Status", Str(nameof(OrderStatus.Confirmed)))
            .Set("TicketCodes", List(ticketCodes))
            .Set("DocumentKey", Str(documentKey))
            .Set("UpdatedAt", Time(now))
            .When("attribute_exists({PK}) AND {Status} = :pending", (":pending", Str(nameof(OrderStatus.Pending)))), ct);

    /// <summary>
    /// Reads the order (and the show, to release seats), then moves the order to Cancelled on condition that its status
    /// is still the one read, in the same transaction as the seat release; a concurrent change makes a condition fail
    /// and the loop reads again.
    /// </summary>
    public async Task<CancelOrderOutcome> CancelAsync(string orderId, string reason, bool releaseSeats, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var order = await GetAsync(orderId, ct);
            if (order is null) return CancelOrderOutcome.NotFound;
            if (order.Status == OrderStatus.Cancelled) return CancelOrderOutcome.AlreadyCancelled;

            var cancel = new ItemUpdate(table.Name, OrderItem.Key(orderId))
                .Set("Status", Str(nameof(OrderStatus.Cancelled)))
                .Set("CancelReason", Str(reason))
                .Set("UpdatedAt", Time(now))
                .When("attribute_exists({PK}) AND {Status} = :seen", (":seen", Str(order.Status.ToString())));
            var show = releaseSeats && await table.GetAsync(ShowItem.Key(order.ShowId), ct) is { } item ? ShowItem.ToShow(item) : null;
            try
            {
                if (show is null)
                    await table.Client.UpdateItemAsync(cancel.ToRequest(), ct);
                else
                    await table.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [cancel.ToTransactItem(), SeatRelease(show, order.Quantity).ToTransactItem()] }, ct);
                return CancelOrderOutcome.Cancelled;
            }
            catch (ConditionalCheckFailedException)
            {
                // the status moved since it was read: read again
            }
            catch (TransactionCanceledException ex) when (IsTransient(ex))
            {
                await Task.Delay(Backoff(attempt), ct);
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

    private static bool IsTransient(TransactionCanceledException ex) =>
        ex.CancellationReasons?.Any(r => r.Code is not null && Transient.Contains(r.Code)) == true;

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(1000, 25 * Math.Pow(2, attempt))));
}
