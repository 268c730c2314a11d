using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BoxOffice.Hosting.Metrics;

/// <summary>Outside Lambda: writes the gathered metrics every <see cref="MetricsOptions.FlushInterval"/> and once more on shutdown.</summary>
public sealed class MetricsFlushService(EmfMetrics metrics, IOptions<MetricsOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) metrics.Flush();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: StopAsync writes what is left
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        metrics.Flush();
    }
}
