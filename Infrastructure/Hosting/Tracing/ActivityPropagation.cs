using System.Diagnostics;
using BoxOffice.Core.Telemetry;

namespace BoxOffice.Hosting.Tracing;

/// <summary>
/// Makes the app's own spans exist even with no exporter: an <see cref="ActivitySource"/> creates nothing unless
/// someone listens, and without a span a job would not carry its trace id into its log lines and the jobs it sends.
/// This listener asks for propagation data only (ids, no tags or timing kept); an exporter, when on, asks for more.
/// </summary>
public static class ActivityPropagation
{
    private static ActivityListener? _listener;

    /// <summary>Starts the process-wide listener once.</summary>
    public static void EnsureListening()
    {
        if (Volatile.Read(ref _listener) is not null) return;
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BoxOfficeActivities.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            SampleUsingParentId = static (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.PropagationData,
        };
        if (Interlocked.CompareExchange(ref _listener, listener, null) is null) ActivitySource.AddActivityListener(listener);
        else listener.Dispose();
    }
}
