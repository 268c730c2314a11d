using BoxOffice.Hosting.Logging;
using BoxOffice.Hosting.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Hosting.Lambda.Runtime;

/// <summary>Runs the runtime loop with <typeparamref name="THandler"/> for a host that is not a web app (the Worker).</summary>
internal sealed class LambdaFunctionService<THandler>(
    THandler handler, IHostApplicationLifetime lifetime, ILogger<THandler> logger, EmfMetrics? metrics = null, StandardOutputSink? output = null)
    : BackgroundService where THandler : class, ILambdaHandler
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runtimeApi = LambdaEnvironment.RuntimeApi
            ?? throw new InvalidOperationException($"{LambdaEnvironment.RuntimeApiVariable} is not set: a Lambda function runs only inside Lambda.");
        using var client = new RuntimeApiClient(runtimeApi);
        await new LambdaRuntimeLoop(client, handler, logger, metrics, output).RunAfterStartAsync(lifetime, stoppingToken);
    }
}
