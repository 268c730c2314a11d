using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// A DynamoDB client that asks every call for its consumed capacity per table and index (ReturnConsumedCapacity =
/// INDEXES) and keeps what came back, so a test (and bench/CapacityBench) sees which indexes a store's writes touch.
/// The stores stay as they are: the setting is added in the SDK's pipeline, before the request is marshalled.
/// </summary>
public sealed class CapacityRecordingClient(AWSCredentials credentials, AmazonDynamoDBConfig config) : AmazonDynamoDBClient(credentials, config)
{
    private readonly ConcurrentQueue<CapacityRecord> _records = new();

    /// <summary>Runs before each request is sent (the bench reads the items a write is about to change).</summary>
    public Func<AmazonWebServiceRequest, Task>? BeforeSend { get; set; }

    /// <summary>Runs after each answer, with what it consumed.</summary>
    public Func<CapacityRecord, Task>? AfterReceive { get; set; }

    public IReadOnlyList<CapacityRecord> Records => [.. _records];

    public void Clear() => _records.Clear();

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.AddHandlerBefore<Marshaller>(new Recorder(this));
    }

    private static void AskForCapacity(AmazonWebServiceRequest request)
    {
        var indexes = ReturnConsumedCapacity.INDEXES;
        switch (request)
        {
            case GetItemRequest r: r.ReturnConsumedCapacity = indexes; break;
            case PutItemRequest r: r.ReturnConsumedCapacity = indexes; break;
            case UpdateItemRequest r: r.ReturnConsumedCapacity = indexes; break;
            case DeleteItemRequest r: r.ReturnConsumedCapacity = indexes; break;
            case QueryRequest r: r.ReturnConsumedCapacity = indexes; break;
            case ScanRequest r: r.ReturnConsumedCapacity = indexes; break;
            case BatchGetItemRequest r: r.ReturnConsumedCapacity = indexes; break;
            case BatchWriteItemRequest r: r.ReturnConsumedCapacity = indexes; break;
            case TransactGetItemsRequest r: r.ReturnConsumedCapacity = indexes; break;
            case TransactWriteItemsRequest r: r.ReturnConsumedCapacity = indexes; break;
        }
    }

    private static List<ConsumedCapacity> CapacityOf(AmazonWebServiceResponse? response) => response switch
    {
        GetItemResponse r => [.. One(r.ConsumedCapacity)],
        PutItemResponse r => [.. One(r.ConsumedCapacity)],
        UpdateItemResponse r => [.. One(r.ConsumedCapacity)],
        DeleteItemResponse r => [.. One(r.ConsumedCapacity)],
        QueryResponse r => [.. One(r.ConsumedCapacity)],
        ScanResponse r => [.. One(r.ConsumedCapacity)],
        BatchGetItemResponse r => r.ConsumedCapacity ?? [],
        BatchWriteItemResponse r => r.ConsumedCapacity ?? [],
        TransactGetItemsResponse r => r.ConsumedCapacity ?? [],
        TransactWriteItemsResponse r => r.ConsumedCapacity ?? [],
        _ => [],
    };

    private static IEnumerable<ConsumedCapacity> One(ConsumedCapacity? capacity) => capacity is null ? [] : [capacity];

    private sealed class Recorder(CapacityRecordingClient owner) : PipelineHandler
    {
        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var request = executionContext.RequestContext.OriginalRequest;
            AskForCapacity(request);
            if (owner.BeforeSend is { } before) await before(request);
            var response = await base.InvokeAsync<T>(executionContext);
            var record = new CapacityRecord(request, executionContext.ResponseContext.Response, CapacityOf(executionContext.ResponseContext.Response));
            owner._records.Enqueue(record);
            if (owner.AfterReceive is { } after) await after(record);
            return response;
        }
    }
}
