namespace BoxOffice.Queue;

public sealed record DeadLetter(string MessageId, JobMessage Message, int ReceiveCount, DateTimeOffset? DeadLetteredAt);
