namespace BoxOffice.Hosting.Metrics;

/// <summary>The metrics and dimensions the app publishes (the dashboard, the alarms and docs/operations.md use these names).</summary>
public static class MetricNames
{
    public const string OrdersPlaced = "OrdersPlaced";
    public const string OrdersRefused = "OrdersRefused";
    public const string SeatsSold = "SeatsSold";
    public const string OrdersCancelled = "OrdersCancelled";
    public const string TicketsIssued = "TicketsIssued";
    public const string PostersPublished = "PostersPublished";
    public const string PostersRejected = "PostersRejected";
    public const string ReportsProduced = "ReportsProduced";

    public const string JobDuration = "JobDuration";
    public const string JobAge = "JobAge";
    public const string JobsFailed = "JobsFailed";
    public const string JobsDeadLettered = "JobsDeadLettered";
    public const string ColdStart = "ColdStart";
    public const string DependencyErrors = "DependencyErrors";
    public const string DependencyRetries = "DependencyRetries";

    public const string Environment = "Environment";
    public const string Reason = "Reason";
    public const string JobType = "JobType";
    public const string Function = "Function";
    public const string Dependency = "Dependency";
    public const string Kind = "Kind";
}
