using System.Diagnostics;
using BoxOffice.Core.Queue;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Core.Jobs;

/// <summary>Runs the handler of each job with its correlation id on every log line; reports whether it failed.</summary>
public sealed partial class JobDispatcher(IEnumerable<IJobHandler> handlers, ILogger<JobDispatcher> logger)
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
            Log.Done(logger, job.Message.Type, job.MessageId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Log.Failed(logger, ex, job.Message.Type, job.MessageId, job.ReceiveCount);
            return false;
        }
        finally
        {
            CorrelationContext.Current = previous;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobType} {MessageId} done in {ElapsedMs:0.0} ms")]
        public static partial void Done(ILogger logger, string jobType, string messageId, double elapsedMs);

        [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobType} {MessageId} failed on receive {ReceiveCount}")]
        public static partial void Failed(ILogger logger, Exception exception, string jobType, string messageId, int receiveCount);
    }
}
