using System.Diagnostics;
using BoxOffice.Core.Queue;
using BoxOffice.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoxOffice.Core.Jobs;

/// <summary>
/// Runs the handler of each job in a span continuing the sender's trace, with its correlation id on every log line;
/// counts its duration, age and failures, and reports whether it failed. A job that fails on its last receive
/// (<see cref="QueueOptions.MaxReceives"/>, which must equal the queue's own max receive count) is handed to its
/// handler's <see cref="IJobHandler.GiveUpAsync"/> and counted as dead-lettered.
/// </summary>
public sealed partial class JobDispatcher(
    IEnumerable<IJobHandler> handlers, IJobMetrics metrics, IOptions<QueueOptions> options, TimeProvider clock, ILogger<JobDispatcher> logger)
{
    /// <summary>The job type metrics use for a message no handler takes, so junk types never become dimensions.</summary>
    public const string UnknownJobType = "unknown";

    private readonly Dictionary<string, IJobHandler> _byType = handlers.ToDictionary(h => h.JobType, StringComparer.Ordinal);

    /// <summary>True when the job was handled; false (logged) when it failed and should be delivered again.</summary>
    public async Task<bool> DispatchAsync(ReceivedJob job, CancellationToken ct)
    {
        var type = job.Message.Type;
        var correlationId = job.Message.CorrelationId ?? job.MessageId;
        var previous = CorrelationContext.Current;
        CorrelationContext.Current = correlationId;
        _byType.TryGetValue(type, out var handler);
        var metricType = handler is null ? UnknownJobType : type;
        using var activity = BoxOfficeActivities.Source.StartActivity(
            $"job {metricType}", ActivityKind.Consumer, BoxOfficeActivities.ParentOf(job.Message.TraceParent));
        activity?.SetTag("boxoffice.job.type", type);
        activity?.SetTag("messaging.message.id", job.MessageId);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["CorrelationId"] = correlationId,
            ["MessageId"] = job.MessageId,
            ["JobType"] = type,
            ["ReceiveCount"] = job.ReceiveCount,
        });
        TimeSpan? age = job.SentAt is { } sent ? Max(clock.GetUtcNow() - sent, TimeSpan.Zero) : null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (handler is null) throw new InvalidOperationException($"No handler for job type '{type}'.");
            await handler.HandleAsync(job.Message, ct);
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.JobHandled(metricType, elapsed, age);
            Log.Done(logger, type, job.MessageId, elapsed.TotalMilliseconds);
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            activity.Failed(ex);
            var lastReceive = job.ReceiveCount >= options.Value.MaxReceives;
            metrics.JobFailed(metricType, age, lastReceive);
            Log.Failed(logger, ex, type, job.MessageId, job.ReceiveCount);
            if (lastReceive && handler is not null) await GiveUpAsync(handler, job, ct);
            else if (lastReceive) Log.DeadLettered(logger, type, job.MessageId, job.ReceiveCount);
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobType} {MessageId} failed on its last receive ({ReceiveCount}); its failure is recorded and it goes to the dead letters")]
        public static partial void GaveUp(ILogger logger, string jobType, string messageId, int receiveCount);

        [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobType} {MessageId}: recording its failure failed too")]
        public static partial void GiveUpFailed(ILogger logger, Exception exception, string jobType, string messageId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobType} {MessageId} failed on its last receive ({ReceiveCount}): no handler takes it, it goes to the dead letters")]
        public static partial void DeadLettered(ILogger logger, string jobType, string messageId, int receiveCount);

        [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobType} {MessageId} done in {ElapsedMs:0.0} ms")]
        public static partial void Done(ILogger logger, string jobType, string messageId, double elapsedMs);

        [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobType} {MessageId} failed on receive {ReceiveCount}")]
        public static partial void Failed(ILogger logger, Exception exception, string jobType, string messageId, int receiveCount);
    }
}
