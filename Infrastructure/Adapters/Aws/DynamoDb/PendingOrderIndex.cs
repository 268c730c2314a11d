using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BoxOffice.Core.Orders;
using static BoxOffice.Adapters.Aws.DynamoDb.DynamoDbAttributes;

namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>
/// GSI3, the sparse index of Pending orders: only a Pending order carries <c>GSI3PK = PENDING#{shard}</c> and
/// <c>GSI3SK = {createdAt}#{orderId}</c>; confirming or cancelling removes them, so the index holds exactly the orders
/// still waiting. Keys only: the sweep needs the id and the age, and reads the order itself before acting on it. The
/// partition is one of <see cref="Shards"/> chosen by the order id, so every order placed and confirmed in the box office
/// (a put and a delete in the index) is spread over that many index partitions instead of landing on one.
/// </summary>
internal static class PendingOrderIndex
{
    public const int Shards = 8;
    private const string Prefix = "PENDING#";

    public static GlobalSecondaryIndex Definition() => new()
    {
        IndexName = BoxOfficeTable.Gsi3,
        KeySchema = [new KeySchemaElement(BoxOfficeTable.Gsi3PK, KeyType.HASH), new KeySchemaElement(BoxOfficeTable.Gsi3SK, KeyType.RANGE)],
        Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
    };

    public static string Partition(string orderId) => Prefix + (SHA256.HashData(Encoding.UTF8.GetBytes(orderId))[0] % Shards);

    public static string Sort(DateTimeOffset createdAt, string orderId) => $"{Format(createdAt)}#{orderId}";

    /// <summary>The index keys of a Pending order.</summary>
    public static void AddTo(Dictionary<string, AttributeValue> item, string orderId, DateTimeOffset createdAt)
    {
        item[BoxOfficeTable.Gsi3PK] = Str(Partition(orderId));
        item[BoxOfficeTable.Gsi3SK] = Str(Sort(createdAt, orderId));
    }

    /// <summary>The order leaves the index (confirmed or cancelled).</summary>
    public static ItemUpdate RemoveFrom(ItemUpdate update) => update.Remove(BoxOfficeTable.Gsi3PK).Remove(BoxOfficeTable.Gsi3SK);

    /// <summary>Pending orders placed before <paramref name="placedBefore"/>, shard by shard (oldest first within each).</summary>
    public static async IAsyncEnumerable<PendingOrder> ListAsync(
        DynamoDbTable table, DateTimeOffset placedBefore, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var shard = 0; shard < Shards; shard++)
        {
            var request = new QueryRequest
            {
                TableName = table.Name,
                IndexName = BoxOfficeTable.Gsi3,
                KeyConditionExpression = "#pk = :pk AND #sk < :before",
                ExpressionAttributeNames = new() { ["#pk"] = BoxOfficeTable.Gsi3PK, ["#sk"] = BoxOfficeTable.Gsi3SK },
                ExpressionAttributeValues = new()
                {
                    [":pk"] = Str(Prefix + shard),
                    [":before"] = Str(Format(placedBefore)), // "{time}#..." sorts after "{time}", so this is strictly before
                },
            };
            do
            {
                var response = await table.Client.QueryAsync(request, ct);
                foreach (var item in response.Items ?? [])
                {
                    var sort = item.String(BoxOfficeTable.Gsi3SK);
                    var split = sort.IndexOf('#', StringComparison.Ordinal);
                    yield return new PendingOrder(sort[(split + 1)..], Parse(sort[..split]));
                }
                request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            }
            while (request.ExclusiveStartKey is not null);
        }
    }

    private static DateTimeOffset Parse(string time) =>
        DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
