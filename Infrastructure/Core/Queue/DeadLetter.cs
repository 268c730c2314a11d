namespace BoxOffice.Core.Queue;

public sealed record DeadLetter(string MessageId, JobMessage Message, int ReceiveCount, DateTimeOffset? DeadLetteredAt);
