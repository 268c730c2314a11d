using System.Collections.Concurrent;
using System.Text.Json;
using BoxOffice.Hosting.Logging;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace BoxOffice.Api.Tests.Logging;

/// <summary>The stdout sink: a whole line per write, and the hold the Lambda runtime loop puts on an invocation's lines.</summary>
public sealed class StandardOutputSinkTests
{
    private readonly ConcurrentQueue<string> _writes = new();

    [Fact]
    public void Without_a_hold_each_event_is_written_at_once_as_one_compact_json_line()
    {
        using var sink = Sink();

        sink.Emit(Event("first"));
        sink.Emit(Event("second \"quoted\""));

        Assert.Equal(["first", "second \"quoted\""], _writes.Select(write => Message(Assert.Single(Lines(write)))));
    }

    [Fact]
    public void Held_events_wait_for_the_release_and_then_leave_in_order_in_one_write()
    {
        using var sink = Sink();

        sink.Hold(TimeSpan.FromMinutes(1));
        sink.Emit(Event("one"));
        sink.Emit(Event("two"));
        sink.Emit(Event("three"));
        Assert.Empty(_writes);
        sink.Release();
        sink.Emit(Event("after"));

        Assert.Equal(2, _writes.Count);
        Assert.Equal(["one", "two", "three"], Lines(_writes.First()).Select(Message));
        Assert.Equal("after", Message(Assert.Single(Lines(_writes.Last()))));
        sink.Release(); // nothing held: nothing written
        Assert.Equal(2, _writes.Count);
    }

    [Fact]
    public async Task A_hold_ends_by_itself_after_its_time_and_a_hold_of_no_time_holds_nothing()
    {
        using var sink = Sink();

        sink.Hold(TimeSpan.Zero);
        sink.Emit(Event("not held"));
        Assert.Single(_writes);

        sink.Hold(TimeSpan.FromMilliseconds(100));
        sink.Emit(Event("held a while"));
        Assert.Single(_writes);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (_writes.Count < 2 && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
        Assert.Equal("held a while", Message(Assert.Single(Lines(_writes.Last()))));

        sink.Emit(Event("after the hold ended"));
        Assert.Equal(3, _writes.Count);
    }

    [Fact]
    public void A_hold_never_keeps_more_than_its_limit_and_disposing_writes_what_it_kept()
    {
        var sink = Sink();
        sink.Hold(TimeSpan.FromMinutes(1));

        for (var i = 0; i < StandardOutputSink.MaxHeld + 3; i++) sink.Emit(Event($"line {i}"));
        Assert.Equal(StandardOutputSink.MaxHeld, Lines(Assert.Single(_writes)).Length);

        sink.Dispose();
        Assert.Equal(["line 256", "line 257", "line 258"], Lines(_writes.Last()).Select(Message));
        sink.Emit(Event("after dispose"));
        Assert.Equal("after dispose", Message(Assert.Single(Lines(_writes.Last()))));
    }

    private StandardOutputSink Sink() => new(new RenderedCompactJsonFormatter(), _writes.Enqueue);

    private static LogEvent Event(string text) =>
        new(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplate([new TextToken(text)]), []);

    private static string[] Lines(string write)
    {
        Assert.EndsWith("\n", write, StringComparison.Ordinal);
        return write[..^1].Split('\n');
    }

    private static string Message(string line) => JsonDocument.Parse(line).RootElement.GetProperty("@m").GetString()!;
}
