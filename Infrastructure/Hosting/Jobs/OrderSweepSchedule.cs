using BoxOffice.Core.Jobs;
using BoxOffice.Core.Orders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoxOffice.Hosting.Jobs;

/// <summary>
/// Where this process feeds the queue itself (the local shape, a Worker polling outside Lambda), the twin of the
/// template's EventBridge Scheduler schedule: every <see cref="OrderOptions.SweepInterval"/> it queues an
/// <c>orders.sweep</c> job, handled like any other (retried, dead-lettered). Queued by several processes, the
/// sweep runs more often, which is harmless.
/// </summary>
public sealed partial class OrderSweepSchedule(IJobPublisher jobs, IOptions<OrderOptions> options, ILogger<OrderSweepSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await jobs.PublishAsync(JobTypes.OrdersSweep, new OrdersSweep(), stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.QueueFailed(logger, ex); // the next tick tries again
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Queueing the order sweep failed; the next tick tries again")]
        public static partial void QueueFailed(ILogger logger, Exception exception);
    }
}
