using BoxOffice.Core.Queue;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>
/// <see cref="IJobQueue"/> on an SQS queue. Visibility timeout, receive counting and dead-lettering are the queue's
/// own (its redrive policy). A message that carries no job is deleted; one that carries several (a multi-record S3
/// notification) is split into one message per job before the original is deleted, so each job is retried alone.
/// </summary>
public sealed class SqsJobQueue(SqsClient client, string queueUrl) : IJobQueue
{
    private static readonly string[] DepthAttributes =
        ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"];

    public string QueueUrl => queueUrl;

    public Task SendAsync(JobMessage message, CancellationToken ct) =>
        client.SendAsync(queueUrl, SqsJobMapping.ToMessage(message), ct);

    public async Task<IReadOnlyList<ReceivedJob>> ReceiveAsync(int max, TimeSpan wait, CancellationToken ct)
    {
        var messages = await client.ReceiveAsync(queueUrl, max, (int)Math.Ceiling(wait.TotalSeconds), null, ct);
        var received = new List<ReceivedJob>(messages.Count);
        foreach (var message in messages)
        {
            var jobs = SqsJobMapping.ToJobs(message.Body, message.Attributes);
            if (jobs.Count == 1)
            {
                received.Add(new ReceivedJob(message.MessageId, message.ReceiptHandle, jobs[0], message.ReceiveCount));
                continue;
            }
            if (jobs.Count > 1)
            {
                var split = await client.SendBatchAsync(queueUrl, jobs.Select(SqsJobMapping.ToMessage).ToList(), ct);
                if (!split.AllSucceeded) continue; // delivered again later; the parts already sent are handled idempotently
            }
            await client.DeleteAsync(queueUrl, message.ReceiptHandle, ct);
        }
        return received;
    }

    public Task DeleteAsync(string receiptHandle, CancellationToken ct) => client.DeleteAsync(queueUrl, receiptHandle, ct);

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan delay, CancellationToken ct) =>
        client.ChangeVisibilityAsync(queueUrl, receiptHandle, Math.Clamp((int)Math.Ceiling(delay.TotalSeconds), 0, 43_200), ct);

    public async Task<long> DepthAsync(CancellationToken ct)
    {
        var attributes = await client.GetAttributesAsync(queueUrl, DepthAttributes, ct);
        return DepthAttributes.Sum(name => attributes.TryGetValue(name, out var v) && long.TryParse(v, out var n) ? n : 0);
    }
}
