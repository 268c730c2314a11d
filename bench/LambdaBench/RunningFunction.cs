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

    public async ValueTask DisposeAsync()
    {
        Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
        Process.Dispose();
        await _runtime.DisposeAsync();
    }
}
