namespace BoxOffice.Core.Jobs;

/// <summary>The message types on the queue; each has one contract record and one handler in the Worker.</summary>
public static class JobTypes
{
    public const string OrderPlaced = "order.placed";
    public const string FileUploaded = "file.uploaded";
    public const string ShowCancelled = "show.cancelled";
    public const string SalesReportRequested = "report.sales.requested";
    public const string OrdersSweep = "orders.sweep";

    /// <summary>
    /// Types a scheduler may queue as a bare body <c>{"type": "..."}</c> without message attributes (EventBridge
    /// Scheduler sends only a body to SQS).
    /// </summary>
    public static readonly IReadOnlySet<string> Scheduled = new HashSet<string>(StringComparer.Ordinal) { OrdersSweep };
}
