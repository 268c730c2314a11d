using System.Globalization;
using System.Net;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using BoxOffice.Core.Queue;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>
/// <see cref="IDeadLetters"/> on the dead-letter queue that the main queue's redrive policy feeds. Listing peeks
/// (receives with visibility timeout 0, deletes nothing); redrive sends each message to the main queue as it is,
/// body and attributes, and deletes it from the dead-letter queue once the send succeeded.
/// </summary>
internal sealed class SqsDeadLetters(IAmazonSQS sqs, string deadLetterQueueUrl, string mainQueueUrl) : IDeadLetters
{
    private const int RedriveVisibilitySeconds = 60;

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken ct)
    {
        var found = new Dictionary<string, DeadLetter>(StringComparer.Ordinal);
        // Peeked messages stay visible, so a receive may repeat them; stop when one brings nothing new.
        for (var round = 0; found.Count < max && round < max / SqsJobQueue.MaxBatchSize + 5; round++)
        {
            var messages = await ReceiveAsync(Math.Min(SqsJobQueue.MaxBatchSize, max - found.Count), visibilitySeconds: 0, ct);
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
            var messages = await ReceiveAsync(SqsJobQueue.MaxBatchSize, RedriveVisibilitySeconds, ct);
            if (messages.Count == 0) return moved;

            var sent = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = mainQueueUrl,
                Entries = [.. messages.Select((m, i) => new SendMessageBatchRequestEntry
                {
                    Id = Id(i),
                    MessageBody = m.Body,
                    MessageAttributes = CopyOf(m.MessageAttributes),
                })],
            }, ct);
            var failed = sent.Failed ?? [];
            var done = messages.Where((_, i) => !failed.Any(f => f.Id == Id(i))).ToList();
            if (done.Count > 0)
            {
                await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
                {
                    QueueUrl = deadLetterQueueUrl,
                    Entries = [.. done.Select((m, i) => new DeleteMessageBatchRequestEntry { Id = Id(i), ReceiptHandle = m.ReceiptHandle })],
                }, ct);
            }
            moved += done.Count;

            if (failed.Count > 0)
            {
                foreach (var failure in failed)
                {
                    await sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
                    {
                        QueueUrl = deadLetterQueueUrl,
                        ReceiptHandle = messages[int.Parse(failure.Id, CultureInfo.InvariantCulture)].ReceiptHandle,
                        VisibilityTimeout = 0,
                    }, ct);
                }
                throw new AmazonSQSException(
                    $"Redrive moved {moved} message(s), then {failed.Count} could not be sent back: {failed[0].Message}",
                    failed[0].SenderFault == true ? ErrorType.Sender : ErrorType.Receiver, failed[0].Code, null, HttpStatusCode.OK);
            }
        }
    }

    private async Task<List<Message>> ReceiveAsync(int max, int visibilitySeconds, CancellationToken ct)
    {
        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = deadLetterQueueUrl,
            MaxNumberOfMessages = max,
            WaitTimeSeconds = 0,
            VisibilityTimeout = visibilitySeconds,
            MessageAttributeNames = ["All"],
            MessageSystemAttributeNames = [SqsJobMapping.ReceiveCountAttribute],
        }, ct);
        return response.Messages ?? [];
    }

    private static DeadLetter ToDeadLetter(Message message)
    {
        var jobs = SqsJobMapping.ToJobs(message);
        var job = jobs.Count == 1 ? jobs[0] : new JobMessage(SqsJobMapping.UnrecognizedType, message.Body ?? "", null);
        return new DeadLetter(message.MessageId, job, SqsJobMapping.ReceiveCount(message.Attributes), null);
    }

    /// <summary>The attributes as they came, without the empty list members a received value may carry.</summary>
    private static Dictionary<string, MessageAttributeValue>? CopyOf(Dictionary<string, MessageAttributeValue>? attributes) =>
        attributes?.ToDictionary(
            a => a.Key,
            a => new MessageAttributeValue { DataType = a.Value.DataType, StringValue = a.Value.StringValue, BinaryValue = a.Value.BinaryValue },
            StringComparer.Ordinal);

    private static string Id(int index) => index.ToString(CultureInfo.InvariantCulture);
}
