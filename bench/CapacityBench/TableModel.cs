using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace BoxOffice.Bench;

/// <summary>The table's keys and indexes as its definition states them: what an item's entry in each index holds.</summary>
internal sealed class TableModel(CreateTableRequest definition)
{
    public string PartitionKey { get; } = definition.KeySchema.Single(k => k.KeyType == KeyType.HASH).AttributeName;

    public IReadOnlyList<string> Keys { get; } = [.. definition.KeySchema.Select(k => k.AttributeName)];

    public IReadOnlyList<IndexModel> Indexes { get; } =
        [.. (definition.GlobalSecondaryIndexes ?? []).Select(i => new IndexModel(i.IndexName, [.. i.KeySchema.Select(k => k.AttributeName)], i.Projection))];

    public string Describe() => string.Join(", ", Indexes.Select(i => $"{i.Name} ({i.Describe()})"));

    public string Identity(Dictionary<string, AttributeValue> item) => string.Join('|', Keys.Select(k => item[k].S ?? item[k].N));

    public Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item) => Keys.ToDictionary(k => k, k => item[k]);
}

/// <summary>One global secondary index: its keys (the first is the partition key) and its projection.</summary>
internal sealed record IndexModel(string Name, IReadOnlyList<string> Keys, Projection Projection)
{
    public string PartitionKey => Keys[0];

    public string Describe() => Projection.ProjectionType == ProjectionType.INCLUDE
        ? $"INCLUDE {Projection.NonKeyAttributes.Count} attributes, {(Projection.NonKeyAttributes.Contains("SeatsAvailable") ? "with" : "without")} SeatsAvailable"
        : Projection.ProjectionType.Value;

    /// <summary>The item's entry in this index (index keys, table keys, projected attributes), or null when it is not in it.</summary>
    public Dictionary<string, AttributeValue>? EntryOf(Dictionary<string, AttributeValue>? item, IReadOnlyList<string> tableKeys)
    {
        if (item is null || !Keys.All(item.ContainsKey)) return null;
        if (Projection.ProjectionType == ProjectionType.ALL) return item;
        var projected = Projection.ProjectionType == ProjectionType.INCLUDE ? Projection.NonKeyAttributes : [];
        return item.Where(a => Keys.Contains(a.Key) || tableKeys.Contains(a.Key) || projected.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value);
    }
}
