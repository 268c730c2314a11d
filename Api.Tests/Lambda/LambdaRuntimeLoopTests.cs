using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Hosting.Lambda.Runtime;
using BoxOffice.Hosting.Logging;
using BoxOffice.Hosting.Metrics;
using BoxOffice.Hosting.Tracing;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>The runtime loop against a fake Runtime API on loopback.</summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class LambdaRuntimeLoopTests : IAsyncLifetime
{
    private readonly ScopeCapturingLoggerProvider _logs = new();
    private readonly CancellationTokenSource _stop = new();
    private FakeRuntimeApi _runtime = null!;
    private ILoggerFactory _loggerFactory = null!;
    private Task _loop = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _runtime = await FakeRuntimeApi.StartAsync();
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _runtime.DisposeAsync();
        _loggerFactory.Dispose();
    }

    [Fact]
    public async Task Posts_the_handler_response_and_exposes_the_invocation_context()
    {
        Start(new DelegateHandler(invocation =>
        {
            var context = invocation.Context;
            var echoed = new Dictionary<string, object?>
            {
                ["requestId"] = context.AwsRequestId,
                ["arn"] = context.InvokedFunctionArn,
                ["traceId"] = context.TraceId,
                ["traceEnv"] = Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"),
                ["remainingMs"] = context.RemainingTime.TotalMilliseconds,
                ["event"] = Encoding.UTF8.GetString(invocation.Event.Span),
            };
            return JsonSerializer.SerializeToUtf8Bytes(echoed);
        }));

        var outcome = await _runtime.InvokeAsync("""{"hello":"world"}""", traceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");

        Assert.False(outcome.IsError);
        var echoed = JsonDocument.Parse(outcome.Body).RootElement;
        Assert.StartsWith("req-", echoed.GetProperty("requestId").GetString());
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:box-office-test", echoed.GetProperty("arn").GetString());
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", echoed.GetProperty("traceId").GetString());
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", echoed.GetProperty("traceEnv").GetString());
        Assert.InRange(echoed.GetProperty("remainingMs").GetDouble(), 1, 30_000);
        Assert.Equal("""{"hello":"world"}""", echoed.GetProperty("event").GetString());
    }

    [Fact]
    public async Task A_throwing_handler_becomes_a_structured_error_and_the_loop_goes_on()
    {
        Start(new DelegateHandler(invocation => Encoding.UTF8.GetString(invocation.Event.Span) == "\"fail\""
            ? throw new InvalidOperationException("Seats are gone", new TimeoutException("inner cause"))
            : "\"fine\""u8.ToArray()));

        var failed = await _runtime.InvokeAsync("\"fail\"");
        var next = await _runtime.InvokeAsync("\"ok\"");

        Assert.True(failed.IsError);
        Assert.Equal("InvalidOperationException", failed.ErrorTypeHeader);
        var error = JsonDocument.Parse(failed.Body).RootElement;
        Assert.Equal("InvalidOperationException", error.GetProperty("errorType").GetString());
        Assert.Equal("Seats are gone", error.GetProperty("errorMessage").GetString());
        var stack = error.GetProperty("stackTrace").EnumerateArray().Select(line => line.GetString()!).ToArray();
        Assert.Contains(stack, line => line.Contains(nameof(A_throwing_handler_becomes_a_structured_error_and_the_loop_goes_on), StringComparison.Ordinal)
            || line.Contains("DelegateHandler", StringComparison.Ordinal));
        Assert.Contains(stack, line => line.Contains("TimeoutException: inner cause", StringComparison.Ordinal));
        Assert.False(next.IsError);
        Assert.Equal("\"fine\"", next.Body);
    }

    [Fact]
    public async Task Every_call_shares_one_connection()
    {
        Start(new DelegateHandler(_ => "{}"u8.ToArray()));

        for (var i = 0; i < 5; i++) Assert.False((await _runtime.InvokeAsync("{}")).IsError);

        Assert.Single(_runtime.ConnectionIds.Distinct());
        Assert.True(_runtime.ConnectionIds.Count >= 10);
    }

    [Fact]
    public async Task Logs_written_during_an_invocation_carry_its_request_id()
    {
        var handlerLogger = _loggerFactory.CreateLogger("handler");
        Start(new DelegateHandler(invocation =>
        {
            handlerLogger.LogInformation("handling {Id}", invocation.Context.AwsRequestId);
            return "{}"u8.ToArray();
        }));

        await _runtime.InvokeAsync("{}");
        await _runtime.InvokeAsync("{}");

        var handled = _logs.Entries.Where(e => e.Message.StartsWith("handling ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, handled.Count);
        foreach (var (message, scope) in handled)
            Assert.Equal(message["handling ".Length..], scope["AwsRequestId"]);
        Assert.NotEqual(handled[0].Scope["AwsRequestId"], handled[1].Scope["AwsRequestId"]);
    }

    [Fact]
    public async Task The_first_invocation_counts_a_cold_start_and_each_invocations_metrics_are_written_once_it_is_answered()
    {
        var capture = new MetricsCapture();
        var metrics = capture.Metrics();
        var invocations = 0;
        Start(new DelegateHandler(_ =>
        {
            metrics.TicketsIssued(++invocations * 10);
            return "{}"u8.ToArray();
        }), metrics);

        var first = await _runtime.InvokeAsync("{}");
        var afterFirst = await LinesOfAsync(capture, first.RequestId, 2);
        var second = await _runtime.InvokeAsync("{}");
        var afterSecond = await LinesOfAsync(capture, second.RequestId, 1);

        Assert.All(capture.Lines, line => Assert.Empty(Telemetry.EmfSpecification.Problems(line)));
        Assert.Equal(1, Assert.Single(afterFirst, l => l.TryGetProperty("ColdStart", out _)).GetProperty("ColdStart").GetInt32());
        Assert.Equal(10, Assert.Single(afterFirst, l => l.TryGetProperty("TicketsIssued", out _)).GetProperty("TicketsIssued").GetInt32());
        Assert.Equal(20, Assert.Single(afterSecond).GetProperty("TicketsIssued").GetInt32());
        Assert.Equal(1, capture.Sum("ColdStart"));
    }

    [Fact]
    public async Task The_handler_runs_in_a_span_of_the_invocations_xray_trace_whose_id_the_metrics_lines_carry()
    {
        ActivityPropagation.EnsureListening();
        var capture = new MetricsCapture();
        var metrics = capture.Metrics();
        string? seenTrace = null, seenParent = null;
        Start(new DelegateHandler(_ =>
        {
            seenTrace = Activity.Current?.TraceId.ToHexString();
            seenParent = Activity.Current?.ParentSpanId.ToHexString();
            metrics.ReportProduced();
            return "{}"u8.ToArray();
        }), metrics);

        var outcome = await _runtime.InvokeAsync("{}", traceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

        Assert.False(outcome.IsError);
        Assert.Equal("5759e988bd862e3fe1be46a994272793", seenTrace);
        Assert.Equal("53995c3f42cd8ad8", seenParent);
        var lines = await LinesOfAsync(capture, outcome.RequestId, 2);
        Assert.All(lines, l => Assert.Equal("5759e988bd862e3fe1be46a994272793", l.GetProperty("TraceId").GetString()));
    }

    [Fact]
    public async Task An_invocations_log_lines_are_written_after_it_has_been_answered_in_one_write()
    {
        var writes = new ConcurrentQueue<(string Text, int AnsweredBefore)>();
        using var sink = new StandardOutputSink(new RenderedCompactJsonFormatter(), text => writes.Enqueue((text, _runtime.Answered)));
        using var serilog = new Serilog.LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        using var loggers = new SerilogLoggerFactory(serilog);
        var logger = loggers.CreateLogger("handler");
        Start(new DelegateHandler(_ =>
        {
            logger.LogInformation("handling");
            logger.LogInformation("handled");
            return "{}"u8.ToArray();
        }), logger: logger, output: sink);

        var outcome = await _runtime.InvokeAsync("{}");

        await ApiCalls.EventuallyAsync(() => Task.FromResult(writes.Count), n => n > 0, TimeSpan.FromSeconds(10));
        var (text, answeredBefore) = Assert.Single(writes);
        Assert.Equal(1, answeredBefore);
        var lines = text.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["handling", "handled"], lines.Select(line => line.GetProperty("@m").GetString()));
        Assert.All(lines, line => Assert.Equal(outcome.RequestId, line.GetProperty("AwsRequestId").GetString()));
    }

    [Fact]
    public async Task A_slow_invocation_writes_its_lines_while_it_runs_well_before_its_deadline()
    {
        var writes = new ConcurrentQueue<(string Text, int AnsweredBefore)>();
        using var written = new ManualResetEventSlim();
        using var sink = new StandardOutputSink(new RenderedCompactJsonFormatter(), text =>
        {
            writes.Enqueue((text, _runtime.Answered));
            written.Set();
        });
        using var serilog = new Serilog.LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        using var loggers = new SerilogLoggerFactory(serilog);
        var logger = loggers.CreateLogger("handler");
        Start(new DelegateHandler(_ =>
        {
            logger.LogInformation("still working");
            return written.Wait(TimeSpan.FromSeconds(10)) ? "{}"u8.ToArray() : throw new TimeoutException("the held line was never written");
        }), logger: logger, output: sink);

        // 600 ms to the deadline: the lines are held 350 ms at most (the hold ends 250 ms before it).
        var clock = Stopwatch.StartNew();
        var outcome = await _runtime.InvokeAsync("{}", deadlineIn: TimeSpan.FromMilliseconds(600));

        Assert.False(outcome.IsError, outcome.Body);
        var (text, answeredBefore) = Assert.Single(writes);
        Assert.Equal(0, answeredBefore);
        Assert.Contains("still working", text, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromMilliseconds(350), LambdaRuntimeLoop.HoldFor(TimeSpan.FromMilliseconds(600)));
        Assert.Equal(LambdaRuntimeLoop.LongestHold, LambdaRuntimeLoop.HoldFor(TimeSpan.FromMinutes(15)));
        Assert.True(LambdaRuntimeLoop.HoldFor(TimeSpan.FromMilliseconds(200)) <= TimeSpan.Zero);
    }

    [Fact]
    public async Task Once_the_first_invocation_is_answered_a_full_compacting_collection_gives_back_what_init_left()
    {
        var before = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Start(new DelegateHandler(_ => "{}"u8.ToArray()));

        await _runtime.InvokeAsync("{}");
        await _runtime.InvokeAsync("{}"); // handed out after the first one's collection

        var after = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Assert.True(after.Index > before.Index, "no full blocking collection ran");
        Assert.True(after.Compacted);
        Assert.Equal(GC.MaxGeneration, after.Generation);
    }

    /// <summary>The EMF lines flushed after the invocation <paramref name="requestId"/>, once there are <paramref name="count"/>.</summary>
    private static async Task<List<JsonElement>> LinesOfAsync(MetricsCapture capture, string requestId, int count)
    {
        List<JsonElement> Lines() => [.. capture.Objects().Where(o => o.GetProperty("AwsRequestId").GetString() == requestId)];
        await ApiCalls.EventuallyAsync(() => Task.FromResult(Lines().Count), n => n >= count, TimeSpan.FromSeconds(10));
        return Lines();
    }

    private void Start(ILambdaHandler handler, EmfMetrics? metrics = null, ILogger? logger = null, StandardOutputSink? output = null)
    {
        var client = new RuntimeApiClient(_runtime.Address);
        _loop = new LambdaRuntimeLoop(client, handler, logger ?? _loggerFactory.CreateLogger("runtime"), metrics, output).RunAsync(_stop.Token)
            .ContinueWith(_ => client.Dispose(), TaskScheduler.Default);
    }

    private sealed class DelegateHandler(Func<LambdaInvocation, byte[]> handle) : ILambdaHandler
    {
        public ValueTask<ReadOnlyMemory<byte>> HandleAsync(LambdaInvocation invocation, CancellationToken ct) => new(handle(invocation));
    }
}
