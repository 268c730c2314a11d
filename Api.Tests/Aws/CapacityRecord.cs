using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>One call and the capacity DynamoDB reported for it, per table and per index.</summary>
public sealed record CapacityRecord(AmazonWebServiceRequest Request, AmazonWebServiceResponse? Response, IReadOnlyList<ConsumedCapacity> Consumed)
{
    public bool IsTransaction => Request is TransactWriteItemsRequest or TransactGetItemsRequest;

    /// <summary>Units on the table itself (reads and writes).</summary>
    public double TableUnits => Consumed.Sum(c => c.Table?.CapacityUnits ?? 0);

    /// <summary>Units on one global secondary index; 0 when the call did not touch it.</summary>
    public double IndexUnits(string index) =>
        Consumed.Sum(c => c.GlobalSecondaryIndexes is { } indexes && indexes.TryGetValue(index, out var used) ? used.CapacityUnits ?? 0 : 0);
}
