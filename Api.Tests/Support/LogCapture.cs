using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Api.Tests.Support;

/// <summary>Keeps every log entry with the scope values in force, so tests can check what a line carried.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, object?>();
            owner._scopes.ForEachScope((scope, props) => Collect(scope, props), properties);
            Collect(state, properties);
            owner.Entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), properties));
        }

        private static void Collect(object? values, Dictionary<string, object?> into)
        {
            if (values is IEnumerable<KeyValuePair<string, object>> pairs)
                foreach (var (key, value) in pairs) into[key] = value;
        }
    }
}

public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties);
