using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace BoxOffice.Bench;

/// <summary>The items a write request touches: the ones it changes, and the ones a transaction only checks.</summary>
internal static class WriteTargets
{
    public static IReadOnlyList<WriteTarget> Of(AmazonWebServiceRequest request, TableModel table) => request switch
    {
        PutItemRequest r => [new(table.KeyOf(r.Item), Changes: true)],
        UpdateItemRequest r => [new(r.Key, Changes: true)],
        DeleteItemRequest r => [new(r.Key, Changes: true)],
        TransactWriteItemsRequest r => [.. r.TransactItems.Select(item => item switch
        {
            { Put: { } put } => new WriteTarget(table.KeyOf(put.Item), Changes: true),
            { Update: { } update } => new WriteTarget(update.Key, Changes: true),
            { Delete: { } delete } => new WriteTarget(delete.Key, Changes: true),
            { ConditionCheck: { } check } => new WriteTarget(check.Key, Changes: false),
            _ => throw new NotSupportedException("A transaction item of an unknown kind."),
        })],
        BatchWriteItemRequest => throw new NotSupportedException("BatchWriteItem is not attributed: no store uses it."),
        _ => [],
    };
}

internal sealed record WriteTarget(Dictionary<string, AttributeValue> Key, bool Changes);
