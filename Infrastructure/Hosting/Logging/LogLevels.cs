using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace BoxOffice.Hosting.Logging;

/// <summary>
/// Applies the <c>Serilog:MinimumLevel</c> section (a level, or <c>Default</c> plus <c>Override:{namespace}</c>), the
/// part of Serilog's configuration schema this app uses, without the settings package's assembly scanning at start.
/// </summary>
public static class LogLevels
{
    public static LoggerConfiguration Apply(LoggerConfiguration logger, IConfiguration configuration)
    {
        var section = configuration.GetSection("Serilog:MinimumLevel");
        logger.MinimumLevel.Is(Parse(section.Value ?? section["Default"], LogEventLevel.Information));
        logger.MinimumLevel.Override("Microsoft", LogEventLevel.Warning);
        logger.MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information);
        foreach (var entry in section.GetSection("Override").GetChildren())
            logger.MinimumLevel.Override(entry.Key, Parse(entry.Value, LogEventLevel.Information));
        return logger;
    }

    private static LogEventLevel Parse(string? value, LogEventLevel fallback) =>
        value is null ? fallback
        : Enum.TryParse<LogEventLevel>(value, ignoreCase: true, out var level) ? level
        : throw new InvalidOperationException($"'{value}' is not a Serilog level (Verbose, Debug, Information, Warning, Error, Fatal).");
}
