using System.Diagnostics.CodeAnalysis;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoxOffice.Hosting.Jobs;

/// <summary>
/// Pulls jobs from the queue and runs them: handled jobs are deleted, failed ones are left to reappear after the
/// visibility timeout (the queue dead-letters them after max receives), so one failing job never blocks the rest.
/// </summary>
public sealed partial class QueuePoller(IJobQueue queue, JobDispatcher dispatcher, IOptions<QueueOptions> options, ILogger<QueuePoller> logger)
    : BackgroundService
{
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The poller outlives a failed receive: it logs, waits and polls again.")]
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.PollFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One receive and its jobs; returns how many jobs were received.</summary>
    public async Task<int> PollOnceAsync(QueueOptions settings, CancellationToken ct)
    {
        var jobs = await queue.ReceiveAsync(Math.Clamp(settings.BatchSize, 1, 10), settings.PollWait, ct);
        foreach (var job in jobs)
        {
            if (await dispatcher.DispatchAsync(job, ct))
                await queue.DeleteAsync(job.ReceiptHandle, CancellationToken.None);
        }
        return jobs.Count;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Polling the job queue failed; retrying")]
        public static partial void PollFailed(ILogger logger, Exception exception);
    }
}
