using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using BoxOffice.Adapters.Aws;
using BoxOffice.Core.Telemetry;
using BoxOffice.Hosting.Lambda.Logging;
using BoxOffice.Hosting.Logging;
using BoxOffice.Hosting.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Hosting.Lambda.Runtime;

/// <summary>
/// The runtime loop: long-poll <c>next</c>, hand the event to the handler, post its response or a structured error,
/// with the request id in a logging scope and the trace id in <c>_X_AMZN_TRACE_ID</c> for the whole invocation. The
/// handler runs in a span continuing the invocation's X-Ray trace, so log lines and sent jobs carry its trace id.
/// With <paramref name="metrics"/>, the first invocation counts a cold start, and each invocation's metrics are
/// written once it has been answered (before the next <c>next</c>, while the environment still runs). With
/// <paramref name="output"/>, the log lines of an invocation are held until it has been answered too (see
/// <see cref="HoldFor"/>), so its caller does not wait for them.
/// </summary>
internal sealed partial class LambdaRuntimeLoop(RuntimeApiClient client, ILambdaHandler handler, ILogger logger, EmfMetrics? metrics = null, StandardOutputSink? output = null)
{
    /// <summary>The longest an invocation's log lines are held: a slower one writes them from then on as they come.</summary>
    public static readonly TimeSpan LongestHold = TimeSpan.FromSeconds(1);

    /// <summary>Held lines are out this long before the deadline, when Lambda may end the environment.</summary>
    public static readonly TimeSpan HoldMargin = TimeSpan.FromMilliseconds(250);

    private bool _warm;

    /// <summary>
    /// Waits until the host has started (so init is over before the first <c>next</c>), then runs the loop until
    /// <paramref name="stopping"/>. If the Runtime API fails the host is stopped with exit code 1, and Lambda starts a
    /// fresh environment.
    /// </summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Whatever stops the loop ends the process with exit code 1, so Lambda starts a fresh one.")]
    public async Task RunAfterStartAsync(IHostApplicationLifetime lifetime, CancellationToken stopping)
    {
        try
        {
            await WaitAsync(lifetime.ApplicationStarted, stopping);
            await RunAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.LoopStopped(logger, ex);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    /// <summary>
    /// Runs the loop on a thread of its own until <paramref name="ct"/>: the Runtime API calls block that thread, and a
    /// handler that completes synchronously runs on it too, so an invocation wakes no thread-pool thread.
    /// </summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The thread hands whatever stopped the loop to the task its caller awaits.")]
    public Task RunAsync(CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(ct);
                done.TrySetResult();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                done.TrySetCanceled(ct);
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "Lambda runtime loop",
        };
        thread.Start();
        return done.Task;
    }

    private void Run(CancellationToken ct)
    {
        LambdaInitErrorReporter.MarkInitDone();
        while (!ct.IsCancellationRequested) Invoke(client.Next(ct), ct);
    }

    /// <summary>Handles one event and posts the outcome; never throws for a failure of the handler.</summary>
    private void Invoke(LambdaInvocation invocation, CancellationToken ct)
    {
        var context = invocation.Context;
        Environment.SetEnvironmentVariable(LambdaEnvironment.TraceIdVariable, context.TraceId);
        output?.Hold(HoldFor(context.Deadline - DateTimeOffset.UtcNow));
        using var scope = logger.BeginScope(new AwsRequestIdScope(context.AwsRequestId));
        var first = !_warm;
        if (first)
        {
            _warm = true;
            metrics?.ColdStart(LambdaEnvironment.FunctionName);
        }
        var (response, error, traceId) = HandleInSpan(invocation, ct);
        try
        {
            Answer(context, response, error, ct);
        }
        finally
        {
            output?.Release();
            metrics?.Flush(traceId.Length > 0
                ? [new(AwsRequestIdScope.PropertyName, context.AwsRequestId), new("TraceId", traceId)]
                : [new(AwsRequestIdScope.PropertyName, context.AwsRequestId)]);
            if (first) GiveBackInitMemory();
        }
    }

    /// <summary>
    /// Once the first invocation has been answered, collects what init left behind and returns the freed memory to the
    /// system (a few ms, once): the GC would otherwise give those regions back only little by little, over thousands of
    /// invocations, and the environment's memory would stay that much higher meanwhile.
    /// </summary>
    private static void GiveBackInitMemory() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>The handler's answer or its exception (logged in the span), and the trace id it ran under; the span ends before anything is posted.</summary>
    private (ReadOnlyMemory<byte> Response, Exception? Error, string TraceId) HandleInSpan(LambdaInvocation invocation, CancellationToken ct)
    {
        var context = invocation.Context;
        var parent = XRayTraceHeader.TryParse(context.TraceId, out var xray) ? xray : default;
        using var activity = BoxOfficeActivities.Source.StartActivity(
            LambdaEnvironment.FunctionName is { Length: > 0 } name ? name : "invocation", ActivityKind.Server, parent);
        activity?.SetTag("faas.invocation_id", context.AwsRequestId);
        var traceId = activity?.TraceId.ToHexString() ?? "";
        try
        {
            var pending = handler.HandleAsync(invocation, ct);
            // A handler that awaited real I/O finishes on the thread pool; this thread has nothing else to do meanwhile.
            return (pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult(), null, traceId);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            activity.Failed(ex);
            Log.InvocationFailed(logger, ex, context.AwsRequestId);
            return (default, ex, traceId);
        }
    }

    private void Answer(LambdaContext context, ReadOnlyMemory<byte> response, Exception? error, CancellationToken ct)
    {
        if (error is not null)
        {
            client.PostError(context.AwsRequestId, RuntimeError.From(error), ct);
            return;
        }

        try
        {
            client.PostResponse(context.AwsRequestId, response.Span, ct);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is not null)
        {
            // The Runtime API refused the response (413: over the 6 MB limit); the caller gets an error instead.
            Log.ResponseRefused(logger, ex, context.AwsRequestId, response.Length);
            try
            {
                client.PostError(context.AwsRequestId, RuntimeError.From(ex), ct);
            }
            catch (HttpRequestException refused) when (refused.StatusCode is not null)
            {
                Log.ErrorRefused(logger, refused, context.AwsRequestId);
            }
        }
    }

    /// <summary>How long to hold an invocation's log lines, given the time left before its deadline.</summary>
    public static TimeSpan HoldFor(TimeSpan remaining) => remaining - HoldMargin < LongestHold ? remaining - HoldMargin : LongestHold;

    private static async Task WaitAsync(CancellationToken signal, CancellationToken stopping)
    {
        if (signal.IsCancellationRequested) return;
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onSignal = signal.Register(() => fired.TrySetResult());
        await using var onStop = stopping.Register(() => fired.TrySetCanceled(stopping));
        await fired.Task;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Critical, Message = "The Lambda runtime loop stopped")]
        public static partial void LoopStopped(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Error, Message = "Invocation {AwsRequestId} failed")]
        public static partial void InvocationFailed(ILogger logger, Exception exception, string awsRequestId);

        [LoggerMessage(Level = LogLevel.Error, Message = "The Runtime API refused the response of {AwsRequestId} ({Bytes} bytes)")]
        public static partial void ResponseRefused(ILogger logger, Exception exception, string awsRequestId, int bytes);

        [LoggerMessage(Level = LogLevel.Error, Message = "The Runtime API refused the error of {AwsRequestId} too")]
        public static partial void ErrorRefused(ILogger logger, Exception exception, string awsRequestId);
    }
}
