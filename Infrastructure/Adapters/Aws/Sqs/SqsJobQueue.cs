using Amazon.SQS;
using Amazon.SQS.Model;
using BoxOffice.Core.Queue;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>
/// <see cref="IJobQueue"/> on an SQS queue. Visibility timeout, receive counting and dead-lettering are the queue's
/// own (its redrive policy). A message that carries no job is deleted; one that carries several (a multi-record S3
/// notification) is split into one message per job before the original is deleted, so each job is retried alone.
/// A job sent inside a traced Lambda invocation carries its X-Ray trace header (<c>_X_AMZN_TRACE_ID</c>, or
/// <paramref name="traceHeader"/>) as <c>AWSTraceHeader</c>, so X-Ray joins the sender's and the Worker's traces.
/// </summary>
internal sealed class SqsJobQueue(IAmazonSQS sqs, string queueUrl, Func<string?>? traceHeader = null) : IJobQueue
{
    private readonly Func<string?> _traceHeader = traceHeader ?? (() => Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));

    public const int MaxBatchSize = 10;
    public const int MaxWaitSeconds = 20;
    private const int MaxVisibilitySeconds = 43_200;

    private static readonly List<string> DepthAttributes =
        ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"];

    public Task SendAsync(JobMessage message, CancellationToken ct) =>
        sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = queueUrl,
            MessageBody = message.Body,
            MessageAttributes = SqsJobMapping.ToAttributes(message),
            MessageSystemAttributes = SqsJobMapping.ToSystemAttributes(_traceHeader()),
        }, ct);

    public async Task<IReadOnlyList<ReceivedJob>> ReceiveAsync(int max, TimeSpan wait, CancellationToken ct)
    {
        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = Math.Clamp(max, 1, MaxBatchSize),
            WaitTimeSeconds = Math.Clamp((int)Math.Ceiling(wait.TotalSeconds), 0, MaxWaitSeconds),
            MessageAttributeNames = ["All"],
            MessageSystemAttributeNames = [.. SqsJobMapping.SystemAttributes],
        }, ct);
        var messages = response.Messages ?? [];
        var received = new List<ReceivedJob>(messages.Count);
        foreach (var message in messages)
        {
            var jobs = SqsJobMapping.ToJobs(message);
            if (jobs.Count == 1)
            {
                received.Add(new ReceivedJob(
                    message.MessageId, message.ReceiptHandle, jobs[0], SqsJobMapping.ReceiveCount(message.Attributes), SqsJobMapping.SentAt(message.Attributes)));
                continue;
            }
            // Delivered again later when a part could not be sent; the parts already sent are handled idempotently.
            if (jobs.Count > 1 && !await SendEachAsync(jobs, ct)) continue;
            await DeleteAsync(message.ReceiptHandle, ct);
        }
        return received;
    }

    public Task DeleteAsync(string receiptHandle, CancellationToken ct) =>
        sqs.DeleteMessageAsync(new DeleteMessageRequest { QueueUrl = queueUrl, ReceiptHandle = receiptHandle }, ct);

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan delay, CancellationToken ct) =>
        sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
        {
            QueueUrl = queueUrl,
            ReceiptHandle = receiptHandle,
            VisibilityTimeout = Math.Clamp((int)Math.Ceiling(delay.TotalSeconds), 0, MaxVisibilitySeconds),
        }, ct);

    public async Task<long> DepthAsync(CancellationToken ct)
    {
        var response = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = DepthAttributes }, ct);
        var attributes = response.Attributes ?? [];
        return DepthAttributes.Sum(name => attributes.TryGetValue(name, out var v) && long.TryParse(v, out var n) ? n : 0);
    }

    /// <summary>Sends each job as its own message, ten per batch; false when any could not be sent.</summary>
    private async Task<bool> SendEachAsync(IReadOnlyList<JobMessage> jobs, CancellationToken ct)
    {
        var allSent = true;
        foreach (var batch in jobs.Chunk(MaxBatchSize))
        {
            var response = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. batch.Select((job, i) => new SendMessageBatchRequestEntry
                {
                    Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    MessageBody = job.Body,
                    MessageAttributes = SqsJobMapping.ToAttributes(job),
                })],
            }, ct);
            allSent &= response.Failed is not { Count: > 0 };
        }
        return allSent;
    }
}
