using System.Text.Json;
using BoxOffice.Core.Queue;

namespace BoxOffice.Core.Jobs;

/// <summary>A handler for a job whose body is the JSON of <typeparamref name="T"/>.</summary>
public abstract class JobHandler<T> : IJobHandler where T : class
{
    public abstract string JobType { get; }

    public Task HandleAsync(JobMessage message, CancellationToken ct) => HandleAsync(Read(message), ct);

    public Task GiveUpAsync(JobMessage message, int attempts, CancellationToken ct) => GiveUpAsync(Read(message), attempts, ct);

    protected abstract Task HandleAsync(T job, CancellationToken ct);

    /// <summary>See <see cref="IJobHandler.GiveUpAsync"/>; by default nothing.</summary>
    protected virtual Task GiveUpAsync(T job, int attempts, CancellationToken ct) => Task.CompletedTask;

    private T Read(JobMessage message) =>
        JsonSerializer.Deserialize(message.Body, JobJson.TypeInfo<T>()) ?? throw new InvalidOperationException($"Job {JobType} has an empty body.");
}
