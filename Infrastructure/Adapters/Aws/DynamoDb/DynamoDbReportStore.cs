using BoxOffice.Core.Reports;
using static BoxOffice.Adapters.Aws.DynamoDb.DynamoDbAttributes;

namespace BoxOffice.Adapters.Aws.DynamoDb;

internal sealed class DynamoDbReportStore(DynamoDbTable table) : IReportStore
{
    public async Task CreateAsync(SalesReport report, CancellationToken ct)
    {
        if (!await table.PutNewAsync(ReportItem.From(report), ct))
            throw new InvalidOperationException($"Report {report.ReportId} already exists.");
    }

    public async Task<SalesReport?> GetAsync(string reportId, CancellationToken ct) =>
        await table.GetAsync(ReportItem.Key(reportId), ct) is { } item ? ReportItem.ToReport(item) : null;

    public async Task<bool> CompleteAsync(string reportId, ReportStatus status, string? fileKey, string? error, DateTimeOffset now, CancellationToken ct)
    {
        var update = new ItemUpdate(table.Name, ReportItem.Key(reportId))
            .Set("Status", Str(status.ToString()))
            .SetOrRemove("FileKey", fileKey)
            .SetOrRemove("Error", error)
            .Set("CompletedAt", Time(now))
            .When("attribute_exists({PK}) AND {Status} = :pending", (":pending", Str(nameof(ReportStatus.Pending))));
        return await table.TryUpdateAsync(update, ct);
    }
}
