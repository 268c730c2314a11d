using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace BoxOffice.Api.Tests.Support;

/// <summary>
/// A sink in the app's own Serilog pipeline (registered as a service, which the logging setup reads), so it keeps
/// every event as the stdout sink gets it: level, rendered message and all properties, scopes and LogContext included.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public void Emit(LogEvent logEvent) => Entries.Enqueue(CapturedLog.From(logEvent));
}

public sealed record CapturedLog(string Category, LogEventLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties, Exception? Exception)
{
    public static CapturedLog From(LogEvent logEvent)
    {
        var properties = logEvent.Properties.ToDictionary(p => p.Key, p => p.Value is ScalarValue scalar ? scalar.Value : (object)p.Value.ToString());
        return new CapturedLog(
            properties.GetValueOrDefault("SourceContext") as string ?? "",
            logEvent.Level,
            logEvent.RenderMessage(CultureInfo.InvariantCulture),
            properties,
            logEvent.Exception);
    }
}
