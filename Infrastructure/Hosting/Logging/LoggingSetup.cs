using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Formatting.Compact;

namespace BoxOffice.Hosting.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog as the host's logging pipeline (Api and Worker alike): one compact JSON object per line on stdout (no
    /// colours; <see cref="StandardOutputSink"/>, which the Lambda runtime loop holds until each invocation is answered), with LogContext and logging-scope properties such as the request id, and the current span's trace and
    /// span ids, on every line. Lines are written whole under the lock the EMF metrics share. Levels come from
    /// <c>Serilog:MinimumLevel</c>; sinks and enrichers registered as services (a test's capture) join the pipeline.
    /// </summary>
    public static IHostApplicationBuilder AddBoxOfficeLogging(this IHostApplicationBuilder builder)
    {
        var application = builder.Environment.ApplicationName;
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_ => new StandardOutputSink(new RenderedCompactJsonFormatter()));
        // Each host owns its logger and the static Log.Logger is left alone: hosts side by side (tests) share nothing.
        builder.Services.AddSerilog(
            (services, logger) => LogLevels.Apply(logger, services.GetRequiredService<IConfiguration>())
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", application)
                .Enrich.With<TraceContextEnricher>()
                .WriteTo.Sink(services.GetRequiredService<StandardOutputSink>()),
            preserveStaticLogger: true);
        return builder;
    }
}
