using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using BoxOffice.Core.Jobs;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Queue;
using BoxOffice.Hosting.Lambda.Runtime;
using BoxOffice.Hosting.Metrics;
using BoxOffice.Worker.Lambda;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Tests.Lambda;

[Trait("Category", TestCategory.Lambda)]
public sealed class SqsBatchFunctionTests
{
    private readonly RecordingHandler _orders = new(JobTypes.OrderPlaced);
    private readonly RecordingHandler _uploads = new(JobTypes.FileUploaded);
    private readonly SqsBatchFunction _function;

    /// <summary>1.5 s after the SentTimestamp every record here carries.</summary>
    private static readonly FixedClock Clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1734428400000) + TimeSpan.FromMilliseconds(1500));
    private readonly MetricsCapture _capture = new();
    private readonly EmfMetrics _metrics;

    public SqsBatchFunctionTests()
    {
        IJobHandler[] handlers = [_orders, _uploads, new FailingHandler("report.sales.requested")];
        _metrics = _capture.Metrics();
        var dispatcher = new JobDispatcher(handlers, _metrics, Options.Create(new QueueOptions { MaxReceives = 5 }), Clock, NullLogger<JobDispatcher>.Instance);
        _function = new SqsBatchFunction(dispatcher, NullLogger<SqsBatchFunction>.Instance);
    }

    [Fact]
    public async Task Only_the_failed_messages_are_named_in_the_batch_response()
    {
        var batch = Batch(
            Job("m-1", JobTypes.OrderPlaced, """{"orderId":"o-1"}""", "corr-1"),
            Job("m-2", "report.sales.requested", """{"reportId":"r-1"}""", "corr-2"),
            Raw("m-3", """{"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2024-12-17T09:00:00.000Z","Bucket":"box-office-files","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}"""),
            Raw("m-4", S3Created("posters/late+show%281%29.png", 2048)),
            Raw("m-5", "not json and no type attribute"),
            Job("m-6", JobTypes.OrderPlaced, """{"orderId":"o-2"}""", null));

        var response = await InvokeAsync(batch);

        Assert.Equal(["m-2", "m-5"], FailedIds(response));
        Assert.Equal(["o-1", "o-2"], _orders.Received.Select(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("orderId").GetString()));
        Assert.Equal("corr-1", _orders.Received.First().CorrelationId);
        var upload = JsonSerializer.Deserialize<FileUploaded>(Assert.Single(_uploads.Received).Body, JobJson.Options)!;
        Assert.Equal(new FileUploaded("posters/late show(1).png", 2048), upload);
    }

    [Fact]
    public async Task A_fully_successful_batch_names_no_failure()
    {
        var response = await InvokeAsync(Batch(Job("m-1", JobTypes.OrderPlaced, """{"orderId":"o-1"}""", null)));

        Assert.Empty(FailedIds(response));
        Assert.Single(_orders.Received);
    }

    [Fact]
    public async Task Records_left_when_the_deadline_is_near_go_back_to_the_queue_untouched()
    {
        var batch = Batch(Job("m-1", JobTypes.OrderPlaced, """{"orderId":"o-1"}""", null), Job("m-2", JobTypes.OrderPlaced, """{"orderId":"o-2"}""", null));

        var response = await InvokeAsync(batch, deadlineIn: TimeSpan.FromSeconds(1));

        Assert.Equal(["m-1", "m-2"], FailedIds(response));
        Assert.Empty(_orders.Received);
    }

    [Fact]
    public async Task The_trace_context_is_the_traceparent_attribute_else_the_xray_header_of_the_record()
    {
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var batch = Batch(
            Job("m-1", JobTypes.OrderPlaced, """{"orderId":"o-1"}""", null, traceParent: traceParent, xrayHeader: "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"),
            Job("m-2", JobTypes.OrderPlaced, """{"orderId":"o-2"}""", null, xrayHeader: "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"),
            Job("m-3", JobTypes.OrderPlaced, """{"orderId":"o-3"}""", null));

        Assert.Empty(FailedIds(await InvokeAsync(batch)));

        Assert.Equal(
            [traceParent, "00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01", null],
            _orders.Received.Select(m => m.TraceParent));
    }

    [Fact]
    public async Task Jobs_count_their_age_from_the_sent_timestamp_their_duration_and_a_failure_on_the_last_receive_as_dead_lettered()
    {
        var batch = Batch(
            Job("m-1", JobTypes.OrderPlaced, """{"orderId":"o-1"}""", null),
            Job("m-2", "report.sales.requested", """{"reportId":"r-1"}""", null, receiveCount: 4),
            Job("m-3", "report.sales.requested", """{"reportId":"r-2"}""", null, receiveCount: 5),
            Job("m-4", "made.up.type", "{}", null, receiveCount: 5));

        Assert.Equal(["m-2", "m-3", "m-4"], FailedIds(await InvokeAsync(batch)));
        _metrics.Flush();

        Assert.All(_capture.Lines, line => Assert.Empty(Telemetry.EmfSpecification.Problems(line)));
        var orders = Assert.Single(_capture.Objects(), o => o.GetProperty("JobType").GetString() == JobTypes.OrderPlaced);
        Assert.Equal(1500, orders.GetProperty("JobAge").GetDouble()); // one value: a number, not an array
        Assert.True(orders.GetProperty("JobDuration").GetDouble() >= 0);
        Assert.Equal(2, _capture.Sum("JobsFailed", "JobType", "report.sales.requested"));
        Assert.Equal(1, _capture.Sum("JobsDeadLettered", "JobType", "report.sales.requested"));
        Assert.Equal(1, _capture.Sum("JobsDeadLettered", "JobType", JobDispatcher.UnknownJobType));
        Assert.DoesNotContain(_capture.Objects(), o => o.GetProperty("JobType").GetString() == "made.up.type");
    }

    [Fact]
    public async Task An_event_that_is_not_an_sqs_batch_fails_the_invocation()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => InvokeAsync("""{"version":"2.0","rawPath":"/"}"""));
    }

    private async Task<JsonElement> InvokeAsync(string batch, TimeSpan? deadlineIn = null)
    {
        var context = new LambdaContext("aws-req-1", DateTimeOffset.UtcNow + (deadlineIn ?? TimeSpan.FromSeconds(30)), "arn:aws:lambda:eu-west-1:123456789012:function:worker", null);
        var bytes = await _function.HandleAsync(new LambdaInvocation(context, Encoding.UTF8.GetBytes(batch)), CancellationToken.None);
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }

    private static string[] FailedIds(JsonElement response) =>
        [.. response.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()!)];

    internal static string Batch(params string[] records) => $$"""{"Records":[{{string.Join(",", records)}}]}""";

    internal static string Job(
        string id, string type, string body, string? correlationId, string? traceParent = null, string? xrayHeader = null, int receiveCount = 1)
    {
        var correlation = correlationId is null ? "" : $$""","correlationId":{"stringValue":"{{correlationId}}","stringListValues":[],"binaryListValues":[],"dataType":"String"}""";
        var trace = traceParent is null ? "" : $$""","traceparent":{"stringValue":"{{traceParent}}","stringListValues":[],"binaryListValues":[],"dataType":"String"}""";
        var system = xrayHeader is null ? "" : ",\"AWSTraceHeader\":" + JsonSerializer.Serialize(xrayHeader);
        return Record(id, body, $$"""{"type":{"stringValue":"{{type}}","stringListValues":[],"binaryListValues":[],"dataType":"String"}{{correlation}}{{trace}}}""", receiveCount, system);
    }

    internal static string Raw(string id, string body) => Record(id, body, "{}");

    internal static string S3Created(string encodedKey, long size) =>
        """{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1","eventTime":"2024-12-17T09:40:00.000Z","eventName":"ObjectCreated:Put","userIdentity":{"principalId":"AWS:AIDAEXAMPLE"},"requestParameters":{"sourceIPAddress":"203.0.113.24"},"responseElements":{"x-amz-request-id":"C3D13FE58DE4C810"},"s3":{"s3SchemaVersion":"1.0","configurationId":"poster-uploads","bucket":{"name":"box-office-files","ownerIdentity":{"principalId":"A3NL1KOZZKExample"},"arn":"arn:aws:s3:::box-office-files"},"object":{"key":"KEY","size":SIZE,"eTag":"d41d8cd98f00b204e9800998ecf8427e","sequencer":"0055AED6DCD90281E5"}}}]}"""
            .Replace("KEY", encodedKey, StringComparison.Ordinal)
            .Replace("SIZE", size.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Record(string id, string body, string attributes, int receiveCount = 1, string systemAttributes = "") =>
        $$"""{"messageId":"{{id}}","receiptHandle":"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a{{id}}","body":{{JsonSerializer.Serialize(body)}},"attributes":{"ApproximateReceiveCount":"{{receiveCount}}","SentTimestamp":"1734428400000","SenderId":"AIDAIENQZJOLO23YVJ4VO","ApproximateFirstReceiveTimestamp":"1734428400010"{{systemAttributes}}},"messageAttributes":{{attributes}},"md5OfBody":"e4e68fb7bd0e697a0ae8f1bb342846b3","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:box-office-jobs","awsRegion":"eu-west-1"}""";

    private sealed class RecordingHandler(string type) : IJobHandler
    {
        public ConcurrentQueue<JobMessage> Received { get; } = new();

        public string JobType => type;

        public Task HandleAsync(JobMessage message, CancellationToken ct)
        {
            Received.Enqueue(message);
            return Task.CompletedTask;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class FailingHandler(string type) : IJobHandler
    {
        public string JobType => type;

        public Task HandleAsync(JobMessage message, CancellationToken ct) => throw new InvalidOperationException("poison");
    }
}
