namespace BoxOffice.Core.Reports;

public interface IReportStore
{
    Task CreateAsync(SalesReport report, CancellationToken ct);

    Task<SalesReport?> GetAsync(string reportId, CancellationToken ct);

    /// <summary>Pending → Ready or Failed; false when it already left Pending.</summary>
    Task<bool> CompleteAsync(string reportId, ReportStatus status, string? fileKey, string? error, DateTimeOffset now, CancellationToken ct);
}
