using BoxOffice.Core.Queue;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>
/// <see cref="IDeadLetters"/> on the dead-letter queue that the main queue's redrive policy feeds. Listing peeks
/// (receives with visibility timeout 0, deletes nothing); redrive sends each message to the main queue as it is,
/// body and attributes, and deletes it from the dead-letter queue once the send succeeded.
/// </summary>
public sealed class SqsDeadLetters(SqsClient client, string deadLetterQueueUrl, string mainQueueUrl) : IDeadLetters
{
    private const int RedriveVisibilitySeconds = 60;

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken ct)
    {
        var found = new Dictionary<string, DeadLetter>(StringComparer.Ordinal);
        // Peeked messages stay visible, so a receive may repeat them; stop when one brings nothing new.
        for (var round = 0; found.Count < max && round < max / SqsClient.MaxBatchSize + 5; round++)
        {
            var messages = await client.ReceiveAsync(deadLetterQueueUrl, Math.Min(SqsClient.MaxBatchSize, max - found.Count), 0, 0, ct);
            var fresh = messages.Where(m => !found.ContainsKey(m.MessageId)).ToList();
            if (fresh.Count == 0) break;
            foreach (var message in fresh) found[message.MessageId] = ToDeadLetter(message);
        }
        return found.Values.Take(max).ToList();
    }

    public async Task<int> RedriveAsync(CancellationToken ct)
    {
        var moved = 0;
        while (true)
        {
            var messages = await client.ReceiveAsync(deadLetterQueueUrl, SqsClient.MaxBatchSize, 0, RedriveVisibilitySeconds, ct);
            if (messages.Count == 0) return moved;

            var sent = await client.SendBatchAsync(mainQueueUrl, messages.Select(m => new SqsOutgoingMessage(m.Body, m.Attributes)).ToList(), ct);
            var done = sent.SucceededIndexes.Select(i => messages[i].ReceiptHandle).ToList();
            if (done.Count > 0) await client.DeleteBatchAsync(deadLetterQueueUrl, done, ct);
            moved += done.Count;

            if (!sent.AllSucceeded)
            {
                foreach (var failure in sent.Failed)
                    await client.ChangeVisibilityAsync(deadLetterQueueUrl, messages[failure.Index].ReceiptHandle, 0, ct);
                var first = sent.Failed[0];
                throw new SqsException("SendMessageBatch", first.Code,
                    $"redrive moved {moved} message(s), then {sent.Failed.Count} could not be sent back: {first.Message}", null);
            }
        }
    }

    private static DeadLetter ToDeadLetter(SqsMessage message)
    {
        var jobs = SqsJobMapping.ToJobs(message.Body, message.Attributes);
        var job = jobs.Count == 1 ? jobs[0] : new JobMessage(SqsJobMapping.UnrecognizedType, message.Body, null);
        return new DeadLetter(message.MessageId, job, message.ReceiveCount, null);
    }
}
