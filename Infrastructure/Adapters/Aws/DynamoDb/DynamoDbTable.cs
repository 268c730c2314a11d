using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BoxOffice.Core.Paging;

namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>The table, its client, and the reads every store shares: a consistent GetItem and a paged Query.</summary>
internal sealed class DynamoDbTable(IAmazonDynamoDB client, string name, CursorCodec cursors)
{
    public IAmazonDynamoDB Client => client;

    public string Name => name;

    public async Task<Dictionary<string, AttributeValue>?> GetAsync(Dictionary<string, AttributeValue> key, CancellationToken ct)
    {
        var response = await client.GetItemAsync(new GetItemRequest { TableName = name, Key = key, ConsistentRead = true }, ct);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>Puts an item whose key must be new; false when it exists.</summary>
    public async Task<bool> PutNewAsync(Dictionary<string, AttributeValue> item, CancellationToken ct)
    {
        try
        {
            await client.PutItemAsync(new PutItemRequest { TableName = name, Item = item, ConditionExpression = "attribute_not_exists(PK)" }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Applies a conditional update; false when its condition does not hold.</summary>
    internal async Task<bool> TryUpdateAsync(ItemUpdate update, CancellationToken ct)
    {
        try
        {
            await UpdateItemAsync(update.ToRequest(), ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// UpdateItem, tried again (<see cref="ConflictBackoff"/>) while it meets a transaction in flight on the item: every
    /// write on a show competes with the orders taking its seats. The last conflict is thrown as it came.
    /// </summary>
    public async Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.UpdateItemAsync(request, ct);
            }
            catch (TransactionConflictException) when (attempt < ConflictBackoff.MaxAttempts)
            {
                await Task.Delay(ConflictBackoff.After(attempt), ct);
            }
        }
    }

    /// <summary>
    /// TransactWriteItems, tried again (<see cref="ConflictBackoff"/>) while it is cancelled only for reasons a later
    /// attempt may not meet (a conflicting transaction, throttling). The request is sent unchanged, so its
    /// <c>ClientRequestToken</c> keeps a retry of a transaction that did commit from applying twice. The last such
    /// cancellation, and any other, is thrown as it came.
    /// </summary>
    public async Task TransactWriteAsync(TransactWriteItemsRequest request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.TransactWriteItemsAsync(request, ct);
                return;
            }
            catch (TransactionCanceledException ex) when (IsTransient(ex) && attempt < ConflictBackoff.MaxAttempts)
            {
                await Task.Delay(ConflictBackoff.After(attempt), ct);
            }
        }
    }

    /// <summary>Cancelled for a conflict or throttling, not for a condition of the caller's.</summary>
    public static bool IsTransient(TransactionCanceledException ex) =>
        ex.CancellationReasons?.Any(r => r.Code is not null && AwsTransientFailures.TransientCancellationReasons.Contains(r.Code)) == true;

    /// <summary>
    /// One page of a Query on <paramref name="index"/>: asks for one item more than the page to know whether another
    /// page follows, and turns the last item's keys into a cursor signed for <paramref name="scope"/>.
    /// </summary>
    public async Task<Page<T>> QueryPageAsync<T>(
        string index, string partitionValue, string? sortAbove, bool ascending,
        string scope, PageRequest page, Func<Dictionary<string, AttributeValue>, T> map, CancellationToken ct)
    {
        var (indexPk, indexSk) = index == BoxOfficeTable.Gsi1
            ? (BoxOfficeTable.Gsi1PK, BoxOfficeTable.Gsi1SK)
            : (BoxOfficeTable.Gsi2PK, BoxOfficeTable.Gsi2SK);
        string[] keyNames = [BoxOfficeTable.PK, BoxOfficeTable.SK, indexPk, indexSk];
        var limit = Math.Clamp(page.Limit, 1, PageRequest.MaxLimit);

        var request = new QueryRequest
        {
            TableName = name,
            IndexName = index,
            KeyConditionExpression = sortAbove is null ? "#pk = :pk" : "#pk = :pk AND #sk > :above",
            ExpressionAttributeNames = sortAbove is null ? new() { ["#pk"] = indexPk } : new() { ["#pk"] = indexPk, ["#sk"] = indexSk },
            ExpressionAttributeValues = sortAbove is null
                ? new() { [":pk"] = DynamoDbAttributes.Str(partitionValue) }
                : new() { [":pk"] = DynamoDbAttributes.Str(partitionValue), [":above"] = DynamoDbAttributes.Str(sortAbove) },
            ScanIndexForward = ascending,
        };
        if (page.Cursor is { } cursor)
        {
            var start = StartKey(scope, cursor, keyNames, indexPk, partitionValue);
            // The lower bound moves with time (shows that have started leave the on-sale list). A cursor left behind
            // by it would no longer match the key condition, and everything after it is past the bound anyway.
            if (sortAbove is null || string.CompareOrdinal(start[indexSk].S, sortAbove) > 0) request.ExclusiveStartKey = start;
        }

        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            request.Limit = limit + 1 - items.Count;
            var response = await client.QueryAsync(request, ct);
            items.AddRange(response.Items ?? []);
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (items.Count <= limit && request.ExclusiveStartKey is not null);

        if (items.Count <= limit) return new Page<T>(items.Select(map).ToList(), null);
        items.RemoveAt(items.Count - 1);
        var position = keyNames.ToDictionary(k => k, k => items[^1].String(k));
        return new Page<T>(items.Select(map).ToList(), cursors.Encode(scope, position));
    }

    /// <summary>
    /// Up to 100 items by key in one eventually consistent BatchGetItem, by <c>PK</c>; absent items are not in the
    /// answer. Keys DynamoDB leaves unprocessed (throttling) are asked again after a jittered pause, a few times.
    /// </summary>
    public async Task<Dictionary<string, Dictionary<string, AttributeValue>>> BatchGetAsync(
        IReadOnlyList<Dictionary<string, AttributeValue>> keys, CancellationToken ct)
    {
        const int maxAttempts = 4;
        var found = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        var pending = new KeysAndAttributes { Keys = [.. keys] };
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = new() { [name] = pending } }, ct);
            foreach (var item in response.Responses?.GetValueOrDefault(name) ?? []) found[item.String(BoxOfficeTable.PK)] = item;
            if (response.UnprocessedKeys?.GetValueOrDefault(name) is not { Keys.Count: > 0 } unprocessed) return found;
            if (attempt == maxAttempts)
                throw new ProvisionedThroughputExceededException($"DynamoDB left {unprocessed.Keys.Count} keys of a batch read unprocessed {maxAttempts} times.");
            pending = unprocessed;
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50 << attempt)), ct);
        }
    }

    private Dictionary<string, AttributeValue> StartKey(string scope, string cursor, string[] keyNames, string indexPk, string partitionValue)
    {
        var position = cursors.Decode(scope, cursor);
        if (position.Count != keyNames.Length || !keyNames.All(position.ContainsKey) || position[indexPk] != partitionValue)
            throw new InvalidCursorException();
        return keyNames.ToDictionary(k => k, k => DynamoDbAttributes.Str(position[k]));
    }
}
