namespace BoxOffice.Bench;

/// <summary>Capacity one call put on one partition, in the service's units: <paramref name="Where"/> is "table" or an index name.</summary>
internal sealed record PartitionLoad(string Where, string Partition, double Wcu, double Rcu);

/// <summary>
/// One call, attributed: its loads per partition; what DynamoDB Local reported for the whole call, per table and index;
/// and a note when the units recomputed per item differ from the measured ones (then the attribution is not trusted).
/// </summary>
internal sealed record CallLoad(string Step, string Operation, bool Transaction, IReadOnlyList<PartitionLoad> Loads, IReadOnlyDictionary<string, double> Reported, string? Mismatch);
