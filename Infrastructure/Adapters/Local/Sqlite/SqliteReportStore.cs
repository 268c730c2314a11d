using BoxOffice.Core.Reports;

namespace BoxOffice.Adapters.Local.Sqlite;

internal sealed class SqliteReportStore(SqliteDatabase db) : IReportStore
{
    public async Task CreateAsync(SalesReport report, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "INSERT INTO reports (report_id, requested_by, status, requested_at) VALUES ($id, $by, $status, $at)",
            ct, ("$id", report.ReportId), ("$by", report.RequestedBy), ("$status", report.Status.ToString()), ("$at", report.RequestedAt.Millis()));
    }

    public async Task<SalesReport?> GetAsync(string reportId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync(
            "SELECT report_id, requested_by, status, file_key, error, requested_at, completed_at FROM reports WHERE report_id = $id",
            r => new SalesReport
            {
                ReportId = r.String("report_id"),
                RequestedBy = r.String("requested_by"),
                Status = Enum.Parse<ReportStatus>(r.String("status")),
                FileKey = r.NullableString("file_key"),
                Error = r.NullableString("error"),
                RequestedAt = r.Time("requested_at"),
                CompletedAt = r.NullableTime("completed_at"),
            },
            ct, ("$id", reportId));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<bool> CompleteAsync(string reportId, ReportStatus status, string? fileKey, string? error, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(
            $"UPDATE reports SET status = $status, file_key = $file, error = $error, completed_at = $now WHERE report_id = $id AND status = '{ReportStatus.Pending}'",
            ct, ("$id", reportId), ("$status", status.ToString()), ("$file", fileKey), ("$error", error), ("$now", now.Millis())) == 1;
    }
}
