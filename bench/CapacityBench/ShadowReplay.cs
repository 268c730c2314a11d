using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace BoxOffice.Bench;

/// <summary>
/// Measures one item's change inside a transaction as a plain write. DynamoDB Local 1.25.1 does not add a transaction's
/// capacity up per item (a transaction of one to four small puts reports the same 4 units), so each changed item is
/// replayed on a shadow table of the same definition: the shadow is set to the item's old image, then the new image is
/// put (or the item deleted) with ReturnConsumedCapacity=INDEXES. The service charges a transaction twice these units.
/// </summary>
internal sealed class ShadowReplay(IAmazonDynamoDB client, string shadowTable)
{
    public static async Task<ShadowReplay> CreateAsync(IAmazonDynamoDB client, CreateTableRequest definition)
    {
        var shadow = definition.TableName + "-shadow";
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = shadow, BillingMode = definition.BillingMode, AttributeDefinitions = definition.AttributeDefinitions,
            KeySchema = definition.KeySchema, GlobalSecondaryIndexes = definition.GlobalSecondaryIndexes,
        });
        return new ShadowReplay(client, shadow);
    }

    /// <summary>Units per table and index ("table" or the index name) of writing <paramref name="now"/> over <paramref name="old"/>.</summary>
    public async Task<Func<string, double>> MeasureAsync(Dictionary<string, AttributeValue> key, Dictionary<string, AttributeValue>? old, Dictionary<string, AttributeValue>? now)
    {
        if (old is null) await client.DeleteItemAsync(new DeleteItemRequest { TableName = shadowTable, Key = key });
        else await client.PutItemAsync(new PutItemRequest { TableName = shadowTable, Item = old });

        var used = now is not null
            ? (await client.PutItemAsync(new PutItemRequest { TableName = shadowTable, Item = now, ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES })).ConsumedCapacity
            : (await client.DeleteItemAsync(new DeleteItemRequest { TableName = shadowTable, Key = key, ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES })).ConsumedCapacity;
        return where => where == CallAttribution.Table
            ? used?.Table?.CapacityUnits ?? 0
            : used?.GlobalSecondaryIndexes is { } indexes && indexes.TryGetValue(where, out var index) ? index.CapacityUnits ?? 0 : 0;
    }
}
