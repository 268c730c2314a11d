using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BoxOffice.Api.Tests.Aws;

namespace BoxOffice.Bench;

/// <summary>
/// Hooks onto the recording client: before a write it reads the items the write will touch (with a second client, so
/// those reads are not counted), after it reads them again, and files the call's attributed loads under the current step.
/// A plain call's recomputed units are checked against what DynamoDB Local reported for it; a transaction's, item by
/// item, against a replay of each change on the shadow table (<see cref="ShadowReplay"/>).
/// </summary>
internal sealed class CapacityLedger
{
    private readonly IAmazonDynamoDB _reader;
    private readonly TableModel _table;
    private readonly string _tableName;
    private readonly CallAttribution _attribution;
    private readonly ShadowReplay _shadow;
    private readonly ConditionalWeakTable<AmazonWebServiceRequest, Dictionary<string, Dictionary<string, AttributeValue>?>> _before = [];
    private readonly List<CallLoad> _calls = [];

    public CapacityLedger(CapacityRecordingClient client, IAmazonDynamoDB reader, TableModel table, string tableName, ShadowReplay shadow)
    {
        (_reader, _table, _tableName, _shadow) = (reader, table, tableName, shadow);
        _attribution = new CallAttribution(table, tableName);
        client.BeforeSend = BeforeAsync;
        client.AfterReceive = AfterAsync;
    }

    /// <summary>What the calls made from now on are filed under.</summary>
    public string Step { get; set; } = "setup";

    public IReadOnlyList<CallLoad> Calls => _calls;

    /// <summary>The calls filed since <paramref name="mark"/> (a count of <see cref="Calls"/> taken earlier).</summary>
    public IReadOnlyList<CallLoad> Since(int mark) => [.. _calls.Skip(mark)];

    private async Task BeforeAsync(AmazonWebServiceRequest request) =>
        _before.AddOrUpdate(request, await ReadTargetsAsync(request));

    private async Task AfterAsync(CapacityRecord record)
    {
        var before = _before.TryGetValue(record.Request, out var seen) ? seen : [];
        var after = await ReadTargetsAsync(record.Request);
        var loads = new List<PartitionLoad>();
        var problems = new List<string>();
        foreach (var target in WriteTargets.Of(record.Request, _table))
        {
            var id = _table.Identity(target.Key);
            var item = _attribution.ItemLoads(target, before.GetValueOrDefault(id), after.GetValueOrDefault(id));
            if (!record.IsTransaction)
            {
                loads.AddRange(item);
                continue;
            }
            if (target.Changes && _attribution.Compare(item, await _shadow.MeasureAsync(target.Key, before.GetValueOrDefault(id), after.GetValueOrDefault(id))) is { } replayed)
                problems.Add($"{id}: {replayed}");
            loads.AddRange(item.Select(l => l with { Wcu = l.Wcu * 2 })); // a transaction writes each item twice: prepare and commit
        }
        loads.AddRange(_attribution.ReadLoads(record));
        if (!record.IsTransaction && _attribution.Compare(loads, Reported(record)) is { } reported) problems.Add(reported);

        var wheres = new[] { CallAttribution.Table }.Concat(_table.Indexes.Select(i => i.Name));
        _calls.Add(new CallLoad(Step, record.Request.GetType().Name.Replace("Request", "", StringComparison.Ordinal), record.IsTransaction, loads,
            wheres.ToDictionary(w => w, Reported(record)), problems.Count == 0 ? null : string.Join(" | ", problems)));
    }

    private static Func<string, double> Reported(CapacityRecord record) =>
        where => where == CallAttribution.Table ? record.TableUnits : record.IndexUnits(where);

    private async Task<Dictionary<string, Dictionary<string, AttributeValue>?>> ReadTargetsAsync(AmazonWebServiceRequest request)
    {
        var images = new Dictionary<string, Dictionary<string, AttributeValue>?>();
        foreach (var target in WriteTargets.Of(request, _table))
        {
            var read = await _reader.GetItemAsync(new GetItemRequest { TableName = _tableName, Key = target.Key, ConsistentRead = true });
            images[_table.Identity(target.Key)] = read.Item is { Count: > 0 } item ? item : null;
        }
        return images;
    }
}
