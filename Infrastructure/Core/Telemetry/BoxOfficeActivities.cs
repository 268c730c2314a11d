using System.Diagnostics;

namespace BoxOffice.Core.Telemetry;

/// <summary>
/// The source of the app's own spans: each job, its publishing, each dependency call. The request span is ASP.NET
/// Core's. The W3C trace context of a span travels with the jobs it sends (<c>traceparent</c>).
/// </summary>
public static class BoxOfficeActivities
{
    public const string SourceName = "BoxOffice";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The W3C <c>traceparent</c> of the current span, or null outside any.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>The parent a <c>traceparent</c> describes; default (no parent) when it is absent or malformed.</summary>
    public static ActivityContext ParentOf(string? traceParent) =>
        traceParent is { Length: > 0 } && ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent) ? parent : default;

    /// <summary>Marks <paramref name="activity"/> failed with the exception's type and message.</summary>
    public static void Failed(this Activity? activity, Exception exception)
    {
        if (activity is null) return;
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        if (activity.IsAllDataRequested) activity.AddException(exception);
    }
}
