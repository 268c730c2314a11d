using System.Diagnostics;
using BoxOffice.Api.Tests.Lambda.Support;

namespace BoxOffice.Bench;

/// <summary>A started <c>bootstrap</c> with its own fake Runtime API, kept running for warm invocations.</summary>
internal sealed class RunningFunction : IAsyncDisposable
{
    private readonly FakeRuntimeApi _runtime;

    private RunningFunction(FakeRuntimeApi runtime, Process process)
    {
        _runtime = runtime;
        Process = process;
    }

    public Process Process { get; }

    public static async Task<RunningFunction> StartAsync(string bootstrap, string data)
    {
        var runtime = await FakeRuntimeApi.StartAsync();
        return new RunningFunction(runtime, ColdStart.Start(bootstrap, runtime.Address, data));
    }

    /// <summary>
    /// Invokes once, after <paramref name="check"/> accepted the answer returns the round trip and the function's share
    /// of it (from the event handed out on <c>next</c> to the answer read), in ms.
    /// </summary>
    public async Task<(double RoundTrip, double InFunction)> InvokeAsync(string eventJson, Action<RuntimeOutcome> check)
    {
        var sent = Stopwatch.GetTimestamp();
        var outcome = await _runtime.InvokeAsync(eventJson);
        var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        check(outcome);
        return (elapsed, outcome.InFunction.TotalMilliseconds);
    }

    /// <summary>
    /// Invokes <paramref name="first"/> and <paramref name="second"/> in turn, <paramref name="count"/> times each, so
    /// load on the machine falls on both alike; returns each one's round trips and in-function shares, in ms.
    /// </summary>
    public static async Task<(WarmTimes First, WarmTimes Second)> InterleaveAsync(
        (RunningFunction Function, string Event, Action<RuntimeOutcome> Check) first,
        (RunningFunction Function, string Event, Action<RuntimeOutcome> Check) second, int count)
    {
        var (a, b) = (new WarmTimes(count), new WarmTimes(count));
        for (var i = 0; i < count; i++)
        {
            a.Add(await first.Function.InvokeAsync(first.Event, first.Check));
            b.Add(await second.Function.InvokeAsync(second.Event, second.Check));
        }
        return (a, b);
    }

    public async ValueTask DisposeAsync()
    {
        Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
        Process.Dispose();
        await _runtime.DisposeAsync();
    }
}

/// <summary>Warm invocations of one function: each round trip and the function's share of it, in ms.</summary>
internal sealed class WarmTimes(int capacity)
{
    public List<double> RoundTrips { get; } = new(capacity);

    public List<double> Inside { get; } = new(capacity);

    public void Add((double RoundTrip, double InFunction) times)
    {
        RoundTrips.Add(times.RoundTrip);
        Inside.Add(times.InFunction);
    }

    /// <summary>
    /// Prints two interleaved runs: each one's round trips, then each one's share inside the function (the fake Runtime
    /// API's own share left out), then each process's RSS.
    /// </summary>
    public static void Report((string Name, string Request, WarmTimes Times, RunningFunction Function) first,
        (string Name, string Request, WarmTimes Times, RunningFunction Function) second, string indent = "")
    {
        var count = first.Times.RoundTrips.Count;
        foreach (var (name, request, times, _) in new[] { first, second }) ColdStart.Report($"{indent}{name} warm {request} x{count}", times.RoundTrips);
        foreach (var (name, request, times, _) in new[] { first, second }) ColdStart.Report($"{indent}{name} warm {request} x{count}, inside the function", times.Inside);
        foreach (var (name, _, _, function) in new[] { first, second }) Console.WriteLine($"{indent}{name} RSS after {count} invocations: {ColdStart.Rss(function.Process)}");
    }
}
