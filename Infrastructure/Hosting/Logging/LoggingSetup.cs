using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Formatting.Json;

namespace BoxOffice.Hosting.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog as the only logging provider: one JSON object per line on stdout (no colours), with scope and
    /// LogContext properties such as the request id on every line. Levels come from <c>Serilog</c> configuration.
    /// </summary>
    public static IHostApplicationBuilder AddBoxOfficeLogging(this IHostApplicationBuilder builder)
    {
        var logger = LogLevels.Apply(new LoggerConfiguration(), builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", builder.Environment.ApplicationName)
            .WriteTo.Console(new JsonFormatter(renderMessage: true))
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
