using System.Diagnostics;
using BoxOffice.Core.Queue;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Core.Jobs;

/// <summary>Runs the handler of each job with its correlation id on every log line; reports whether it failed.</summary>
public sealed class JobDispatcher(IEnumerable<IJobHandler> handlers, ILogger<JobDispatcher> logger)
{
    private readonly Dictionary<string, IJobHandler> _byType = handlers.ToDictionary(h => h.JobType, StringComparer.Ordinal);

    /// <summary>True when the job was handled; false (logged) when it failed and should be delivered again.</summary>
    public async Task<bool> DispatchAsync(ReceivedJob job, CancellationToken ct)
    {
        var correlationId = job.Message.CorrelationId ?? job.MessageId;
        var previous = CorrelationContext.Current;
        CorrelationContext.Current = correlationId;
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["CorrelationId"] = correlationId,
            ["MessageId"] = job.MessageId,
            ["JobType"] = job.Message.Type,
            ["ReceiveCount"] = job.ReceiveCount,
        });
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (!_byType.TryGetValue(job.Message.Type, out var handler))
                throw new InvalidOperationException($"No handler for job type '{job.Message.Type}'.");
            await handler.HandleAsync(job.Message, ct);
            logger.LogInformation("Job {JobType} {MessageId} done in {ElapsedMs:0.0} ms", job.Message.Type, job.MessageId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Job {JobType} {MessageId} failed on receive {ReceiveCount}", job.Message.Type, job.MessageId, job.ReceiveCount);
            return false;
        }
        finally
        {
            CorrelationContext.Current = previous;
        }
    }
}
