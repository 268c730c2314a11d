using System.Text;
using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Hosting.Lambda.Runtime;
using Microsoft.Extensions.Logging;

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

    private void Start(ILambdaHandler handler)
    {
        var client = new RuntimeApiClient(_runtime.Address);
        _loop = new LambdaRuntimeLoop(client, handler, _loggerFactory.CreateLogger("runtime")).RunAsync(_stop.Token)
            .ContinueWith(_ => client.Dispose(), TaskScheduler.Default);
    }

    private sealed class DelegateHandler(Func<LambdaInvocation, byte[]> handle) : ILambdaHandler
    {
        public ValueTask<ReadOnlyMemory<byte>> HandleAsync(LambdaInvocation invocation, CancellationToken ct) => new(handle(invocation));
    }
}
