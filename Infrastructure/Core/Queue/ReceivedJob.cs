namespace BoxOffice.Core.Queue;

/// <summary>
/// A delivered job. It stays invisible until its visibility timeout ends; delete it when handled, or it is
/// delivered again (at-least-once) until the queue's max receives sends it to the dead letters.
/// <see cref="SentAt"/> is when the queue took it, when the queue says so.
/// </summary>
public sealed record ReceivedJob(string MessageId, string ReceiptHandle, JobMessage Message, int ReceiveCount, DateTimeOffset? SentAt = null);
