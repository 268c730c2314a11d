using System.Text.Json;
using BoxOffice.Core.Queue;

namespace BoxOffice.Core.Jobs;

/// <summary>A handler for a job whose body is the JSON of <typeparamref name="T"/>.</summary>
public abstract class JobHandler<T> : IJobHandler where T : class
{
    public abstract string JobType { get; }

    public Task HandleAsync(JobMessage message, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<T>(message.Body, JobJson.Options)
            ?? throw new InvalidOperationException($"Job {JobType} has an empty body.");
        return HandleAsync(payload, ct);
    }

    protected abstract Task HandleAsync(T job, CancellationToken ct);
}
