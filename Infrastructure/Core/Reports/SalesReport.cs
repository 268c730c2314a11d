namespace BoxOffice.Core.Reports;

public sealed record SalesReport
{
    public required string ReportId { get; init; }
    public required string RequestedBy { get; init; }
    public required ReportStatus Status { get; init; }
    /// <summary>Storage key of the CSV once ready.</summary>
    public string? FileKey { get; init; }
    public string? Error { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}

public enum ReportStatus
{
    Pending,
    Ready,
    Failed,
}
