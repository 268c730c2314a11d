using BoxOffice.Core.Telemetry;
using BoxOffice.Hosting.Lambda.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BoxOffice.Hosting.Metrics;

public static class MetricsRegistration
{
    /// <summary>
    /// The metric ports on <see cref="EmfMetrics"/>, configured from <c>BoxOffice:Metrics</c>. Outside Lambda a
    /// background service flushes them periodically; in Lambda the runtime loop flushes after each invocation.
    /// </summary>
    public static IHostApplicationBuilder AddBoxOfficeMetrics(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<MetricsOptions>(builder.Configuration.GetSection(MetricsOptions.Section));
        services.TryAddSingleton<IMetricsOutput, StandardOutputMetrics>();
        services.AddSingleton<EmfMetrics>();
        services.AddSingleton<IBoxOfficeMetrics>(sp => sp.GetRequiredService<EmfMetrics>());
        services.AddSingleton<IJobMetrics>(sp => sp.GetRequiredService<EmfMetrics>());
        services.AddSingleton<IDependencyMetrics>(sp => sp.GetRequiredService<EmfMetrics>());
        if (!LambdaEnvironment.IsLambda) services.AddHostedService<MetricsFlushService>();
        return builder;
    }
}
