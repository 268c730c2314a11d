using BoxOffice.Adapters.Aws.Sqs;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Queue;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>What the SQS queue adds to the contract: the wire format, and S3 event notifications as jobs.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class SqsJobQueueTests(MotoServer moto)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_job_travels_as_contract_json_with_type_and_correlation_attributes()
    {
        var q = await MotoQueues.CreateAsync(moto, TimeSpan.FromSeconds(30), 5);
        await new SqsJobQueue(q.Client, q.QueueUrl).SendAsync(new JobMessage(JobTypes.OrderPlaced, "{\"orderId\":\"o-7\"}", "req-7"), Ct);

        var raw = Assert.Single(await q.ReceiveRawAsync());

        Assert.Equal("{\"orderId\":\"o-7\"}", raw.Body);
        Assert.Equal(("String", JobTypes.OrderPlaced), (raw.MessageAttributes["type"].DataType, raw.MessageAttributes["type"].StringValue));
        Assert.Equal(("String", "req-7"), (raw.MessageAttributes["correlationId"].DataType, raw.MessageAttributes["correlationId"].StringValue));
    }

    [Fact]
    public async Task A_job_carries_its_traceparent_attribute_and_the_senders_xray_header_as_the_AWSTraceHeader_system_attribute()
    {
        const string header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var q = await MotoQueues.CreateAsync(moto, TimeSpan.FromSeconds(30), 5);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await new SqsJobQueue(q.Client, q.QueueUrl, () => header).SendAsync(new JobMessage(JobTypes.OrderPlaced, "{}", "req-8", traceParent), Ct);
        await new SqsJobQueue(q.Client, q.QueueUrl, () => header).SendAsync(new JobMessage(JobTypes.OrderPlaced, "{}", "req-9"), Ct);

        var raw = await q.Client.ReceiveMessageAsync(new Amazon.SQS.Model.ReceiveMessageRequest
        {
            QueueUrl = q.QueueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1, VisibilityTimeout = 0,
            MessageAttributeNames = ["All"], MessageSystemAttributeNames = ["AWSTraceHeader"],
        }, Ct);
        var jobs = await new SqsJobQueue(q.Client, q.QueueUrl).ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct);

        Assert.All(raw.Messages, m => Assert.Equal(header, m.Attributes["AWSTraceHeader"]));
        Assert.Equal(traceParent, Assert.Single(raw.Messages, m => m.MessageAttributes.ContainsKey("traceparent")).MessageAttributes["traceparent"].StringValue);
        Assert.Equal(2, jobs.Count);
        Assert.Equal(traceParent, jobs.Single(j => j.Message.CorrelationId == "req-8").Message.TraceParent);
        // Without a traceparent, the trace context is the X-Ray header's.
        Assert.Equal("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01", jobs.Single(j => j.Message.CorrelationId == "req-9").Message.TraceParent);
        Assert.All(jobs, j => Assert.InRange(j.SentAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(5)));
    }

    [Fact]
    public async Task An_S3_notification_becomes_a_file_uploaded_job()
    {
        var q = await MotoQueues.CreateAsync(moto, TimeSpan.FromSeconds(30), 5);
        await q.SendRawAsync(Notification(("posters/show-1/a+b.png", 1234)));

        var job = Assert.Single(await new SqsJobQueue(q.Client, q.QueueUrl).ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));

        Assert.Equal(JobTypes.FileUploaded, job.Message.Type);
        Assert.Equal(new FileUploaded("posters/show-1/a b.png", 1234), System.Text.Json.JsonSerializer.Deserialize<FileUploaded>(job.Message.Body, JobJson.Options));
    }

    [Fact]
    public async Task An_S3_test_event_is_deleted_without_a_job()
    {
        var q = await MotoQueues.CreateAsync(moto, TimeSpan.FromSeconds(30), 5);
        await q.SendRawAsync("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"b\"}");
        var queue = new SqsJobQueue(q.Client, q.QueueUrl);

        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));
        Assert.Equal(0, await queue.DepthAsync(Ct));
    }

    [Fact]
    public async Task A_notification_of_several_objects_is_split_into_one_message_per_job()
    {
        var q = await MotoQueues.CreateAsync(moto, TimeSpan.FromSeconds(30), 5);
        await q.SendRawAsync(Notification(("posters/a.png", 1), ("posters/b.png", 2)));
        var queue = new SqsJobQueue(q.Client, q.QueueUrl);

        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));
        var jobs = new List<ReceivedJob>();
        for (var round = 0; round < 5 && jobs.Count < 2; round++) jobs.AddRange(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));

        Assert.Equal(2, jobs.Count);
        Assert.All(jobs, j => Assert.Equal(JobTypes.FileUploaded, j.Message.Type));
        Assert.Equal(["posters/a.png", "posters/b.png"],
            jobs.Select(j => System.Text.Json.JsonSerializer.Deserialize<FileUploaded>(j.Message.Body, JobJson.Options)!.Key).Order());
        Assert.Equal(2, await queue.DepthAsync(Ct));
    }

    [Fact]
    public async Task A_notification_of_more_objects_than_one_batch_holds_is_split_whole()
    {
        var q = await MotoQueues.CreateAsync(moto, TimeSpan.FromSeconds(30), 5);
        var keys = Enumerable.Range(0, 12).Select(i => $"posters/p{i:D2}.png").ToArray();
        await q.SendRawAsync(Notification([.. keys.Select(k => (k, 1L))]));
        var queue = new SqsJobQueue(q.Client, q.QueueUrl);

        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));

        Assert.Equal(keys.Length, await queue.DepthAsync(Ct));
    }

    [Fact]
    public async Task A_body_that_is_no_job_is_handed_out_as_unrecognized_so_it_ends_in_the_dead_letters()
    {
        var q = await MotoQueues.CreateAsync(moto, TimeSpan.FromSeconds(30), 5);
        await q.SendRawAsync("not json at all");

        var job = Assert.Single(await new SqsJobQueue(q.Client, q.QueueUrl).ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));

        Assert.Equal(SqsJobMapping.UnrecognizedType, job.Message.Type);
        Assert.Equal("not json at all", job.Message.Body);
    }

    private static string Notification(params (string Key, long Size)[] objects) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            Records = objects.Select(o => new
            {
                eventVersion = "2.1",
                eventSource = "aws:s3",
                eventName = "ObjectCreated:Put",
                s3 = new { bucket = new { name = "b" }, @object = new { key = o.Key, size = o.Size } },
            }),
        });
}
