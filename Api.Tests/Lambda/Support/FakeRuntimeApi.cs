using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>
/// What the function posted for one invocation; <see cref="InFunction"/> runs from the moment the event was handed out
/// on <c>next</c> to the moment the whole answer was read, the function's share of a round trip.
/// </summary>
public sealed record RuntimeOutcome(string RequestId, bool IsError, string Body, string? ErrorTypeHeader, TimeSpan InFunction = default);

/// <summary>
/// The Lambda Runtime API on a loopback port: events queued by the test are handed out on <c>next</c>, and what
/// the function posts back (response, error, init error) is recorded, with the connection each call came on.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";
    private readonly Channel<(string RequestId, string Event, string? TraceId, DateTimeOffset Deadline)> _events = Channel.CreateUnbounded<(string, string, string?, DateTimeOffset)>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimeOutcome>> _outcomes = new();
    private readonly ConcurrentDictionary<string, long> _handedOut = new();
    private readonly TaskCompletionSource<RuntimeOutcome> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _app = null!;
    private int _next;

    /// <summary>host:port, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The connection id of every call, in order.</summary>
    public ConcurrentQueue<string> ConnectionIds { get; } = new();

    public Task<RuntimeOutcome> InitError => _initError.Task;

    /// <summary>How many invocations have had their response or error recorded so far.</summary>
    public int Answered => _outcomes.Values.Count(outcome => outcome.Task.IsCompleted);

    /// <summary>Completes when the function first asks for an event (its init is over).</summary>
    public Task FirstNext => _firstNext.Task;

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var fake = new FakeRuntimeApi();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use((context, next) =>
        {
            fake.ConnectionIds.Enqueue(context.Connection.Id);
            return next(context);
        });
        app.MapGet($"{Prefix}/invocation/next", fake.NextAsync);
        app.MapPost($"{Prefix}/invocation/{{id}}/response", (string id, HttpContext context) => fake.RecordAsync(id, false, context));
        app.MapPost($"{Prefix}/invocation/{{id}}/error", (string id, HttpContext context) => fake.RecordAsync(id, true, context));
        app.MapPost($"{Prefix}/init/error", async (HttpContext context) =>
        {
            fake._initError.TrySetResult(await ReadOutcomeAsync("", true, context));
            return Results.Accepted();
        });
        await app.StartAsync();
        fake._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Address = new Uri(address).Authority;
        return fake;
    }

    /// <summary>Queues an event and waits (bounded) for what the function posts for it.</summary>
    public async Task<RuntimeOutcome> InvokeAsync(string eventJson, string? traceId = null, TimeSpan? deadlineIn = null, TimeSpan? wait = null)
    {
        var requestId = $"req-{Interlocked.Increment(ref _next):D4}-{Guid.NewGuid():N}";
        var outcome = _outcomes.GetOrAdd(requestId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        await _events.Writer.WriteAsync((requestId, eventJson, traceId, DateTimeOffset.UtcNow + (deadlineIn ?? TimeSpan.FromSeconds(30))));
        return await outcome.Task.WaitAsync(wait ?? TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task NextAsync(HttpContext context)
    {
        _firstNext.TrySetResult();
        var (requestId, body, traceId, deadline) = await _events.Reader.ReadAsync(context.RequestAborted);
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = requestId;
        headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:eu-west-1:123456789012:function:box-office-test";
        if (traceId is not null) headers["Lambda-Runtime-Trace-Id"] = traceId;
        context.Response.ContentType = "application/json";
        _handedOut[requestId] = Stopwatch.GetTimestamp();
        await context.Response.WriteAsync(body, Encoding.UTF8);
    }

    private async Task<IResult> RecordAsync(string id, bool isError, HttpContext context)
    {
        var outcome = await ReadOutcomeAsync(id, isError, context);
        if (_handedOut.TryRemove(id, out var handedOut)) outcome = outcome with { InFunction = Stopwatch.GetElapsedTime(handedOut) };
        if (!_outcomes.TryGetValue(id, out var pending) || !pending.TrySetResult(outcome))
            return Results.BadRequest($"unknown or already answered invocation {id}");
        return Results.Accepted();
    }

    private static async Task<RuntimeOutcome> ReadOutcomeAsync(string requestId, bool isError, HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        return new RuntimeOutcome(requestId, isError, body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault());
    }
}
