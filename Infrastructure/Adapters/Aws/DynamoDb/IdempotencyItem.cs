using Amazon.DynamoDBv2.Model;
using BoxOffice.Core.Orders;
using static BoxOffice.Adapters.Aws.DynamoDb.DynamoDbAttributes;

namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>
/// An idempotency record: <c>PK = IDEMPOTENCY#{userId}#{key}</c>, <c>SK = IDEMPOTENCY</c>. Its TTL attribute lets
/// DynamoDB delete it after expiry; until that happens, reads and the conditional put treat it as gone.
/// </summary>
internal static class IdempotencyItem
{
    /// <summary>The exact expiry as sortable text; the TTL attribute has it in whole seconds for DynamoDB's sweeper.</summary>
    public const string ExpiresAt = nameof(IdempotencyRecord.ExpiresAt);

    public static Dictionary<string, AttributeValue> Key(string userId, string key) => new()
    {
        [BoxOfficeTable.PK] = Str($"IDEMPOTENCY#{userId}#{key}"),
        [BoxOfficeTable.SK] = Str("IDEMPOTENCY"),
    };

    public static Dictionary<string, AttributeValue> From(IdempotencyRecord record)
    {
        var item = Key(record.UserId, record.Key);
        item["Type"] = Str("Idempotency");
        item["UserId"] = Str(record.UserId);
        item["IdempotencyKey"] = Str(record.Key);
        item["RequestHash"] = Str(record.RequestHash);
        item["OrderId"] = Str(record.OrderId);
        item[ExpiresAt] = Time(record.ExpiresAt);
        item[BoxOfficeTable.TimeToLive] = Num(record.ExpiresAt.ToUnixTimeSeconds());
        return item;
    }

    public static IdempotencyRecord ToRecord(Dictionary<string, AttributeValue> item) => new(
        item.String("UserId"), item.String("IdempotencyKey"), item.String("RequestHash"), item.String("OrderId"), item.Time(ExpiresAt));
}
