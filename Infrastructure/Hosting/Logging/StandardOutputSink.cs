using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace BoxOffice.Hosting.Logging;

/// <summary>
/// Serilog's sink for stdout: each event formatted as one line and written whole. While <see cref="Hold"/> is in force
/// (a Lambda invocation not answered yet) events are kept and written together by <see cref="Release"/>, so the caller
/// waits neither for their formatting nor for the write. A hold ends by itself after the time it was given, and never
/// keeps more than <see cref="MaxHeld"/> events, so what a slow, hung or crashing invocation logged still gets out.
/// </summary>
public sealed class StandardOutputSink : ILogEventSink, IDisposable
{
    public const int MaxHeld = 256;

    private readonly ITextFormatter _formatter;
    private readonly Action<string> _write;
    private readonly object _gate = new();
    private readonly List<LogEvent> _held = [];
    private readonly StringWriter _text = new(CultureInfo.InvariantCulture);
    private readonly Timer _end;
    private bool _holding;
    private bool _disposed;

    /// <param name="formatter">Writes one event as one line (with its line feed).</param>
    /// <param name="write">Where formatted lines go (default: <see cref="StandardOutput.Write"/>); called once per line, or once per release.</param>
    public StandardOutputSink(ITextFormatter formatter, Action<string>? write = null)
    {
        _formatter = formatter;
        _write = write ?? (text => StandardOutput.Write(text));
        _end = new Timer(static sink => ((StandardOutputSink)sink!).Release(), this, Timeout.Infinite, Timeout.Infinite);
        AppDomain.CurrentDomain.UnhandledException += ReleaseOnCrash;
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            if (_holding)
            {
                _held.Add(logEvent);
                if (_held.Count >= MaxHeld) WriteHeld();
                return;
            }
            _formatter.Format(logEvent, _text);
            WriteText();
        }
    }

    /// <summary>Keeps events from now on until <see cref="Release"/>, or for <paramref name="longest"/> at most (nothing is held if that is not positive).</summary>
    public void Hold(TimeSpan longest)
    {
        if (longest <= TimeSpan.Zero) return;
        lock (_gate)
        {
            if (_disposed) return;
            _holding = true;
            _end.Change(longest, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Ends the hold and writes what it kept in one write.</summary>
    public void Release()
    {
        lock (_gate)
        {
            if (!_holding) return;
            _holding = false;
            if (!_disposed) _end.Change(Timeout.Infinite, Timeout.Infinite);
            WriteHeld();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _holding = false;
            WriteHeld();
            _disposed = true;
            _end.Dispose();
        }
        AppDomain.CurrentDomain.UnhandledException -= ReleaseOnCrash;
    }

    private void ReleaseOnCrash(object? sender, UnhandledExceptionEventArgs e) => Release();

    private void WriteHeld()
    {
        if (_held.Count == 0) return;
        foreach (var held in _held) _formatter.Format(held, _text);
        _held.Clear();
        WriteText();
    }

    private void WriteText()
    {
        var text = _text.GetStringBuilder();
        _write(text.ToString());
        text.Clear();
        if (text.Capacity > 64 * 1024) text.Capacity = 4 * 1024; // a burst does not keep its buffer
    }
}
