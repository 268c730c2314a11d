using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Shows;
using static BoxOffice.Adapters.Aws.DynamoDb.DynamoDbAttributes;

namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>
/// Orders in the single table. Placing one is a single TransactWriteItems: the show's seats are taken under a
/// condition (on sale, not started, enough seats, still at the order's price), the order and the idempotency record are put only if absent; a cancelled transaction is read back
/// from its cancellation reasons into the outcome the caller answers with.
/// </summary>
internal sealed class DynamoDbOrderStore(DynamoDbTable table) : IOrderStore
{
    private const int MaxAttempts = 6;
    private const string ConditionFailed = "ConditionalCheckFailed";
    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded",
    };

    public async Task<PlaceOrderResult> PlaceAsync(Order order, IdempotencyRecord? idempotency, DateTimeOffset now, CancellationToken ct)
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
                    // An expired record that DynamoDB's TTL has not swept yet may be taken over.
                    ConditionExpression = "attribute_not_exists(PK) OR #ttl < :nowEpoch",
                    ExpressionAttributeNames = new() { ["#ttl"] = BoxOfficeTable.TimeToLive },
                    ExpressionAttributeValues = new() { [":nowEpoch"] = Num(now.ToUnixTimeSeconds()) },
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
            });
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await table.Client.TransactWriteItemsAsync(request, ct);
                return new PlaceOrderResult(PlaceOrderOutcome.Placed, order);
            }
            catch (TransactionCanceledException ex) when (IsTransient(ex) && attempt < MaxAttempts)
            {
                await Task.Delay(Backoff(attempt), ct);
            }
            catch (TransactionCanceledException ex)
            {
                return await RefusalAsync(ex.CancellationReasons ?? [], order, idempotency, now, ct)
                    ?? throw new InvalidOperationException($"Placing order {order.OrderId} was cancelled: {ex.Message}", ex);
            }
        }
    }

    private async Task<PlaceOrderResult?> RefusalAsync(
        List<CancellationReason> reasons, Order order, IdempotencyRecord? idempotency, DateTimeOffset now, CancellationToken ct)
    {
        if (idempotency is not null && reasons.Count > 2 && reasons[2].Code == ConditionFailed)
        {
            var existing = reasons[2].Item is { Count: > 0 } item
                ? IdempotencyItem.ToRecord(item)
                : await GetIdempotencyAsync(idempotency.UserId, idempotency.Key, now, ct);
            return new PlaceOrderResult(PlaceOrderOutcome.KeyExists, Existing: existing);
        }
        if (reasons.Count > 0 && reasons[0].Code == ConditionFailed)
        {
            var stored = reasons[0].Item is { Count: > 0 } item ? item : await table.GetAsync(ShowItem.Key(order.ShowId), ct);
            if (stored is null) return new PlaceOrderResult(PlaceOrderOutcome.ShowNotFound);
            var show = ShowItem.ToShow(stored);
            return new PlaceOrderResult(
                show.Status != ShowStatus.OnSale || show.StartsAt <= now ? PlaceOrderOutcome.NotOnSale
                : show.Price != order.UnitPrice ? PlaceOrderOutcome.PriceChanged
                : PlaceOrderOutcome.SeatsShort);
        }
        return null;
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
        await table.GetAsync(IdempotencyItem.Key(userId, key), ct) is { } item && IdempotencyItem.ToRecord(item) is { } record && record.ExpiresAt > now
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
    /// Reads the order, then moves it to Cancelled on condition that its status is still the one read, in the same
    /// transaction as the seat release; a concurrent change makes the condition fail and the loop reads again.
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
            try
            {
                if (!releaseSeats)
                {
                    await table.Client.UpdateItemAsync(cancel.ToRequest(), ct);
                    return CancelOrderOutcome.Cancelled;
                }
                var release = new ItemUpdate(table.Name, ShowItem.Key(order.ShowId))
                    .Add("SeatsAvailable", order.Quantity)
                    .When("attribute_exists({PK})");
                await table.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [cancel.ToTransactItem(), release.ToTransactItem()] }, ct);
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
            catch (TransactionCanceledException ex) when (ex.CancellationReasons is [{ Code: ConditionFailed }, ..])
            {
                // the status moved since it was read: read again
            }
            catch (TransactionCanceledException ex) when (ex.CancellationReasons is [_, { Code: ConditionFailed }, ..])
            {
                releaseSeats = false; // the show is gone: nothing to give back
            }
        }
        throw new InvalidOperationException($"Order {orderId} kept changing while it was being cancelled.");
    }

    private static bool IsTransient(TransactionCanceledException ex) =>
        ex.CancellationReasons?.Any(r => r.Code is not null && Transient.Contains(r.Code)) == true;

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(1000, 25 * Math.Pow(2, attempt))));
}
