using BoxOffice.Core.Queue;

namespace BoxOffice.Core.Jobs;

/// <summary>Handles one job type. Delivery is at-least-once, so a handler must be safe to run twice for one message.</summary>
public interface IJobHandler
{
    string JobType { get; }

    Task HandleAsync(JobMessage message, CancellationToken ct);

    /// <summary>
    /// Called once when <see cref="HandleAsync"/> failed on the queue's last receive, just before the message goes to
    /// the dead letters: where someone awaits the job's result, record that it failed. By default nothing.
    /// </summary>
    Task GiveUpAsync(JobMessage message, int attempts, CancellationToken ct) => Task.CompletedTask;
}
