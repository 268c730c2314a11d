using System.Security.Claims;
using BoxOffice.Api.Identity;
using BoxOffice.Api.OpenApi;
using BoxOffice.Api.Problems;
using BoxOffice.Api.RateLimiting;
using BoxOffice.Core.Files;
using BoxOffice.Core.Ids;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Reports;

public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").WithTags("Reports")
            .RequireAuthorization(AuthenticationSetup.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        reports.MapPost("/sales", RequestSalesReport)
            .RateLimited(RateLimitPolicies.Reports)
            .WithName("RequestSalesReport").WithSummary("Start a sales report (CSV, built in the background)")
            .ProducesHeader(StatusCodes.Status202Accepted, "Location", "The report: /reports/{reportId}; GET it until its status is Ready.");
        reports.MapGet("/{reportId:id}", GetReport)
            .WithName("GetReport").WithSummary("A report's status, and its download URL once ready")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Accepted<ReportResponse>> RequestSalesReport(
        ClaimsPrincipal user, IReportStore store, IJobPublisher jobs, TimeProvider clock, CancellationToken ct)
    {
        var report = new SalesReport
        {
            ReportId = EntityId.New(),
            RequestedBy = user.UserId(),
            Status = ReportStatus.Pending,
            RequestedAt = clock.GetUtcNow(),
        };
        await store.CreateAsync(report, ct);
        await jobs.PublishAsync(JobTypes.SalesReportRequested, new SalesReportRequested(report.ReportId), ct);
        return TypedResults.Accepted($"/reports/{report.ReportId}", ReportResponse.Of(report, null));
    }

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> GetReport(
        string reportId, IReportStore store, IFileStore files, IOptions<FilesOptions> options, CancellationToken ct)
    {
        if (await store.GetAsync(reportId, ct) is not { } report) return Problem.NotFound("The report");
        var url = report is { Status: ReportStatus.Ready, FileKey: { } key } ? await files.CreateDownloadUrlAsync(key, options.Value.DownloadUrlLifetime, ct) : null;
        return TypedResults.Ok(ReportResponse.Of(report, url));
    }
}

/// <summary>A report: Pending, then Ready with a short-lived CSV download URL, or Failed with the reason.</summary>
public sealed record ReportResponse(string ReportId, ReportStatus Status, Uri? DownloadUrl, string? Error, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt)
{
    public static ReportResponse Of(SalesReport report, Uri? url) =>
        new(report.ReportId, report.Status, url, report.Error, report.RequestedAt, report.CompletedAt);
}
