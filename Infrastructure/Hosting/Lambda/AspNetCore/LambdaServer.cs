using BoxOffice.Hosting.Lambda.Runtime;
using BoxOffice.Hosting.Logging;
using BoxOffice.Hosting.Metrics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>
/// The <see cref="IServer"/> used in Lambda in place of Kestrel: once the app has started it runs the runtime loop,
/// and each event goes through the ASP.NET Core pipeline via <see cref="ApiGatewayBridge{TContext}"/>.
/// </summary>
internal sealed class LambdaServer(
    IOptions<LambdaHostingOptions> options, IHostApplicationLifetime lifetime, ILogger<LambdaServer> logger,
    EmfMetrics? metrics = null, StandardOutputSink? output = null) : IServer
{
    private readonly CancellationTokenSource _stopping = new();
    private RuntimeApiClient? _client;
    private Task _loop = Task.CompletedTask;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull
    {
        var runtimeApi = LambdaEnvironment.RuntimeApi
            ?? throw new InvalidOperationException($"{LambdaEnvironment.RuntimeApiVariable} is not set: the Lambda server runs only inside Lambda.");
        _client = new RuntimeApiClient(runtimeApi);
        var bridge = new ApiGatewayBridge<TContext>(application, options.Value, logger);
        _loop = new LambdaRuntimeLoop(_client, bridge, logger, metrics, output).RunAfterStartAsync(lifetime, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _client?.Dispose();
        _stopping.Dispose();
    }
}
