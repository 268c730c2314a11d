using BoxOffice.Core.Reports;
using static BoxOffice.Api.Tests.Contracts.StoreFixtures;

namespace BoxOffice.Api.Tests.Contracts;

/// <summary>What every <see cref="IReportStore"/> must do.</summary>
public abstract class ReportStoreContract
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    protected abstract Task<IReportStore> CreateStoreAsync();

    [Fact]
    public async Task A_report_reads_back_as_created()
    {
        var store = await CreateStoreAsync();
        var report = Pending();

        await store.CreateAsync(report, Ct);

        Assert.Equal(report, await store.GetAsync(report.ReportId, Ct));
        Assert.Null(await store.GetAsync("no-such-report", Ct));
    }

    [Fact]
    public async Task A_report_completes_once()
    {
        var store = await CreateStoreAsync();
        var report = Pending();
        await store.CreateAsync(report, Ct);
        var at = Now().AddSeconds(3);

        Assert.True(await store.CompleteAsync(report.ReportId, ReportStatus.Ready, "reports/r.csv", null, at, Ct));
        Assert.False(await store.CompleteAsync(report.ReportId, ReportStatus.Failed, null, "late failure", at.AddSeconds(1), Ct));
        Assert.False(await store.CompleteAsync("no-such-report", ReportStatus.Ready, "reports/x.csv", null, at, Ct));

        Assert.Equal(report with { Status = ReportStatus.Ready, FileKey = "reports/r.csv", CompletedAt = at }, await store.GetAsync(report.ReportId, Ct));
        Assert.Null(await store.GetAsync("no-such-report", Ct));
    }

    [Fact]
    public async Task A_failed_report_keeps_its_error()
    {
        var store = await CreateStoreAsync();
        var report = Pending();
        await store.CreateAsync(report, Ct);
        var at = Now();

        Assert.True(await store.CompleteAsync(report.ReportId, ReportStatus.Failed, null, "no data", at, Ct));

        Assert.Equal(report with { Status = ReportStatus.Failed, Error = "no data", CompletedAt = at }, await store.GetAsync(report.ReportId, Ct));
    }

    private static SalesReport Pending() => new()
    {
        ReportId = Guid.NewGuid().ToString("N"),
        RequestedBy = "ada-admin",
        Status = ReportStatus.Pending,
        RequestedAt = Now(),
    };
}
