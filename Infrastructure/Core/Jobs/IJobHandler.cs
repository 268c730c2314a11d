using BoxOffice.Core.Queue;

namespace BoxOffice.Core.Jobs;

/// <summary>Handles one job type. Delivery is at-least-once, so a handler must be safe to run twice for one message.</summary>
public interface IJobHandler
{
    string JobType { get; }

    Task HandleAsync(JobMessage message, CancellationToken ct);
}
