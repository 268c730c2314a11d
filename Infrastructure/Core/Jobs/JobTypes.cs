namespace BoxOffice.Core.Jobs;

/// <summary>The message types on the queue; each has one contract record and one handler in the Worker.</summary>
public static class JobTypes
{
    public const string OrderPlaced = "order.placed";
    public const string FileUploaded = "file.uploaded";
    public const string ShowCancelled = "show.cancelled";
    public const string SalesReportRequested = "report.sales.requested";
}
