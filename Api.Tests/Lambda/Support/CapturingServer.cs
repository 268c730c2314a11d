using BoxOffice.Hosting.Lambda.AspNetCore;
using BoxOffice.Hosting.Lambda.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>
/// An <see cref="IServer"/> that only keeps the app's pipeline when the host starts, so events can be bridged into it
/// (or raw features run through it) in-process, with no network and no runtime loop.
/// </summary>
public sealed class CapturingServer : IServer
{
    private Func<LambdaHostingOptions, ILambdaHandler>? _createBridge;
    private Func<IFeatureCollection, Task>? _process;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    /// <summary>The bridge's logger; none unless a test wants to see what it logs.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>The bridge's clock, for deadlines.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public ILambdaHandler CreateBridge(LambdaHostingOptions options) =>
        (_createBridge ?? throw new InvalidOperationException("The app has not started."))(options);

    /// <summary>Runs one request made of <paramref name="features"/> straight through the pipeline.</summary>
    public Task ProcessAsync(IFeatureCollection features) =>
        (_process ?? throw new InvalidOperationException("The app has not started."))(features);

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull
    {
        _createBridge = options => new ApiGatewayBridge<TContext>(application, options, Logger, Time);
        _process = async features =>
        {
            var context = application.CreateContext(features);
            await application.ProcessRequestAsync(context);
            application.DisposeContext(context, null);
        };
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
