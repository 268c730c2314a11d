using System.Text;
using BoxOffice.Core.Files;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Reports;
using BoxOffice.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Worker.Reports;

/// <summary>Builds the sales CSV, stores it under the report's key and marks the report Ready (once).</summary>
public sealed class SalesReportHandler(
    IReportStore reports, SalesReportBuilder builder, IFileStore files, IBoxOfficeMetrics metrics, TimeProvider clock, ILogger<SalesReportHandler> logger)
    : JobHandler<SalesReportRequested>
{
    public override string JobType => JobTypes.SalesReportRequested;

    protected override async Task HandleAsync(SalesReportRequested job, CancellationToken ct)
    {
        var report = await reports.GetAsync(job.ReportId, ct);
        if (report is not { Status: ReportStatus.Pending })
        {
            logger.LogInformation("Report {ReportId} is {Status}; nothing to do", job.ReportId, report?.Status.ToString() ?? "missing");
            return;
        }
        var csv = await builder.BuildCsvAsync(ct);
        var key = $"reports/{job.ReportId}.csv";
        using (var content = new MemoryStream(Encoding.UTF8.GetBytes(csv)))
            await files.PutAsync(key, content, "text/csv", ct);
        await reports.CompleteAsync(job.ReportId, ReportStatus.Ready, key, null, clock.GetUtcNow(), ct);
        metrics.ReportProduced();
        logger.LogInformation("Report {ReportId} ready", job.ReportId);
    }

    /// <summary>The last receive failed too: the report is Failed with a reason, not left Pending for ever.</summary>
    protected override async Task GiveUpAsync(SalesReportRequested job, int attempts, CancellationToken ct)
    {
        if (await reports.CompleteAsync(job.ReportId, ReportStatus.Failed, null, FailureReason(attempts), clock.GetUtcNow(), ct))
            logger.LogWarning("Report {ReportId} failed after {Attempts} attempts", job.ReportId, attempts);
    }

    public static string FailureReason(int attempts) => $"The report could not be built after {attempts} attempts. Request a new one.";
}
