using System.Diagnostics;
using BoxOffice.Core.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoxOffice.Core.Jobs;

/// <summary>
/// Runs the handler of each job with its correlation id on every log line; reports whether it failed. A job that fails
/// on its last receive (<see cref="QueueOptions.MaxReceives"/>, which must equal the queue's own max receive count)
/// is handed to its handler's <see cref="IJobHandler.GiveUpAsync"/> before it goes to the dead letters.
/// </summary>
public sealed partial class JobDispatcher(IEnumerable<IJobHandler> handlers, IOptions<QueueOptions> options, ILogger<JobDispatcher> logger)
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
        _byType.TryGetValue(job.Message.Type, out var handler);
        try
        {
            if (handler is null) throw new InvalidOperationException($"No handler for job type '{job.Message.Type}'.");
            await handler.HandleAsync(job.Message, ct);
            Log.Done(logger, job.Message.Type, job.MessageId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Log.Failed(logger, ex, job.Message.Type, job.MessageId, job.ReceiveCount);
            if (handler is not null && job.ReceiveCount >= options.Value.MaxReceives) await GiveUpAsync(handler, job, ct);
            return false;
        }
        finally
        {
            CorrelationContext.Current = previous;
        }
    }

    private async Task GiveUpAsync(IJobHandler handler, ReceivedJob job, CancellationToken ct)
    {
        try
        {
            await handler.GiveUpAsync(job.Message, job.ReceiveCount, ct);
            Log.GaveUp(logger, job.Message.Type, job.MessageId, job.ReceiveCount);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Log.GiveUpFailed(logger, ex, job.Message.Type, job.MessageId);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobType} {MessageId} failed on its last receive ({ReceiveCount}); its failure is recorded and it goes to the dead letters")]
        public static partial void GaveUp(ILogger logger, string jobType, string messageId, int receiveCount);

        [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobType} {MessageId}: recording its failure failed too")]
        public static partial void GiveUpFailed(ILogger logger, Exception exception, string jobType, string messageId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobType} {MessageId} done in {ElapsedMs:0.0} ms")]
        public static partial void Done(ILogger logger, string jobType, string messageId, double elapsedMs);

        [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobType} {MessageId} failed on receive {ReceiveCount}")]
        public static partial void Failed(ILogger logger, Exception exception, string jobType, string messageId, int receiveCount);
    }
}
