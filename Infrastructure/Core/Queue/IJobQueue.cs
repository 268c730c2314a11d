namespace BoxOffice.Core.Queue;

/// <summary>Queue port with SQS semantics: at-least-once delivery, visibility timeout, receive count, dead letters.</summary>
public interface IJobQueue
{
    Task SendAsync(JobMessage message, CancellationToken ct);

    /// <summary>Up to <paramref name="max"/> visible jobs, waiting up to <paramref name="wait"/> for the first.</summary>
    Task<IReadOnlyList<ReceivedJob>> ReceiveAsync(int max, TimeSpan wait, CancellationToken ct);

    Task DeleteAsync(string receiptHandle, CancellationToken ct);

    /// <summary>Makes a received job visible again after <paramref name="delay"/> (zero: at once).</summary>
    Task ChangeVisibilityAsync(string receiptHandle, TimeSpan delay, CancellationToken ct);

    /// <summary>Approximate count of jobs waiting or in flight.</summary>
    Task<long> DepthAsync(CancellationToken ct);
}
