using System.Globalization;
using Amazon.DynamoDBv2.Model;
using BoxOffice.Api.Tests.Aws;

namespace BoxOffice.Bench;

/// <summary>
/// Splits what a call consumed over the partitions it touched. DynamoDB reports capacity per table and per index only,
/// so the units are recomputed per item from its images before and after the call: a plain write costs one unit per
/// started KB of the larger image; an index entry is written when it appears, disappears or changes (twice when its
/// key moves), nothing when the change is to attributes the index does not hold. Reads cost per started 4 KB.
/// </summary>
internal sealed class CallAttribution(TableModel table, string tableName)
{
    public const string Table = "table";

    /// <summary>The loads of one item's change at the plain rate (a transaction pays twice that, table and index alike).</summary>
    public List<PartitionLoad> ItemLoads(WriteTarget target, Dictionary<string, AttributeValue>? old, Dictionary<string, AttributeValue>? now)
    {
        var partition = target.Key[table.PartitionKey].S;
        if (!target.Changes) return [new PartitionLoad(Table, partition, ItemSize.WriteUnits(ItemSize.Of(old)), 0)]; // ConditionCheck
        var loads = new List<PartitionLoad> { new(Table, partition, ItemSize.WriteUnits(Math.Max(ItemSize.Of(old), ItemSize.Of(now))), 0) };
        foreach (var index in table.Indexes)
        {
            var (was, @is) = (index.EntryOf(old, table.Keys), index.EntryOf(now, table.Keys));
            if (was is null && @is is null) continue;
            if (was is not null && @is is not null && SameKeys(index, was, @is))
            {
                if (Canonical(was) == Canonical(@is)) continue; // nothing the index holds changed: no index write
                loads.Add(new PartitionLoad(index.Name, @is[index.PartitionKey].S, ItemSize.WriteUnits(Math.Max(ItemSize.Of(was), ItemSize.Of(@is))), 0));
                continue;
            }
            if (was is not null) loads.Add(new PartitionLoad(index.Name, was[index.PartitionKey].S, ItemSize.WriteUnits(ItemSize.Of(was)), 0));
            if (@is is not null) loads.Add(new PartitionLoad(index.Name, @is[index.PartitionKey].S, ItemSize.WriteUnits(ItemSize.Of(@is)), 0));
        }
        return loads;
    }

    public List<PartitionLoad> ReadLoads(CapacityRecord record)
    {
        switch (record.Request, record.Response)
        {
            case (GetItemRequest get, GetItemResponse got):
                return [new PartitionLoad(Table, get.Key[table.PartitionKey].S, 0, ItemSize.ReadBlocks(ItemSize.Of(got.Item)) * ReadRate(get.ConsistentRead))];
            case (QueryRequest query, QueryResponse found):
                var bytes = (found.Items ?? []).Sum(item => ItemSize.Of(item));
                return [new PartitionLoad(query.IndexName ?? Table, query.ExpressionAttributeValues[":pk"].S, 0, ItemSize.ReadBlocks(bytes) * ReadRate(query.ConsistentRead))];
            case (BatchGetItemRequest batch, BatchGetItemResponse got):
                var consistent = batch.RequestItems[tableName].ConsistentRead;
                return [.. (got.Responses?.GetValueOrDefault(tableName) ?? []).Select(item =>
                    new PartitionLoad(Table, item[table.PartitionKey].S, 0, ItemSize.ReadBlocks(ItemSize.Of(item)) * ReadRate(consistent)))];
            default:
                return [];
        }
    }

    /// <summary>Where the recomputed units differ from measured ones (per table and per index), or null when they agree.</summary>
    public string? Compare(IEnumerable<PartitionLoad> computed, Func<string, double> measured)
    {
        var problems = new List<string>();
        foreach (var where in new[] { Table }.Concat(table.Indexes.Select(i => i.Name)))
        {
            var units = computed.Where(l => l.Where == where).Sum(l => l.Wcu + l.Rcu);
            if (Math.Abs(units - measured(where)) > 1e-6)
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: computed {units}, DynamoDB Local measured {measured(where)}"));
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static double ReadRate(bool? consistent) => consistent == true ? 1 : 0.5;

    private static bool SameKeys(IndexModel index, Dictionary<string, AttributeValue> a, Dictionary<string, AttributeValue> b) =>
        index.Keys.All(k => Canonical(a[k]) == Canonical(b[k]));

    private static string Canonical(Dictionary<string, AttributeValue> item) =>
        string.Join(';', item.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Canonical(a.Value)));

    private static string Canonical(AttributeValue value) => value switch
    {
        { S: { } s } => "S:" + s,
        { N: { } n } => "N:" + n,
        { BOOL: { } b } => "BOOL:" + b,
        { NULL: not null } => "NULL",
        { IsLSet: true } => "L[" + string.Join(',', value.L.Select(Canonical)) + "]",
        { IsMSet: true } => "M{" + Canonical(value.M) + "}",
        { IsSSSet: true } => "SS[" + string.Join(',', value.SS.Order(StringComparer.Ordinal)) + "]",
        { IsNSSet: true } => "NS[" + string.Join(',', value.NS.Order(StringComparer.Ordinal)) + "]",
        _ => "?",
    };
}
