using System.Net;
using System.Net.Http.Json;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Api.Tests.Support.Decorators;
using BoxOffice.Core.Files;
using BoxOffice.Worker.Reports;
using Microsoft.AspNetCore.TestHost;

namespace BoxOffice.Api.Tests.Reports;

public class SalesReportTests
{
    [Fact]
    public async Task A_sales_report_is_built_in_the_background_as_csv()
    {
        await using var app = new BoxOfficeApp();
        var admin = await app.AdminAsync();
        var showId = (await admin.CreateShowAsync(capacity: 50, price: 10m, title: "Twelfth Night, or What You Will")).Str("showId");
        var buyer = await app.ClientForAsync("reporter");
        var confirmed = (await (await buyer.OrderAsync(showId, 3)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        var cancelled = (await (await buyer.OrderAsync(showId, 2)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        await (await buyer.DeleteAsync($"/orders/{cancelled}")).ReadAsync(HttpStatusCode.OK);
        await ApiCalls.EventuallyAsync(() => buyer.GetJsonAsync($"/orders/{confirmed}"), o => o.Str("status") == "Confirmed");

        var response = await admin.PostAsync("/reports/sales", null);
        var accepted = await response.ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal("Pending", accepted.Str("status"));
        var location = response.Headers.Location!.OriginalString;

        var ready = await ApiCalls.EventuallyAsync(() => admin.GetJsonAsync(location), r => r.Str("status") == "Ready");
        var csv = await app.CreateClient().GetStringAsync(new Uri(ready.Str("downloadUrl")).PathAndQuery);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(SalesReportBuilder.Header, lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith(showId, StringComparison.Ordinal));
        Assert.Contains("\"Twelfth Night, or What You Will\"", row, StringComparison.Ordinal);
        Assert.EndsWith(",50,47,1,3,0,0,1,30.00", row, StringComparison.Ordinal);
    }

    /// <summary>The API promises Failed with a reason: a job failing on its last receive must not leave the report Pending.</summary>
    [Fact]
    public async Task A_report_whose_job_fails_on_every_receive_ends_Failed_with_a_reason()
    {
        await using var app = new BoxOfficeApp(); // 3 receives, one visibility timeout apart; only the broken instance below is started
        using var broken = app.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.Decorate<IFileStore>((inner, _) => new NoReportFiles(inner))));
        var brokenAdmin = broken.CreateClient();
        var token = await (await brokenAdmin.PostAsJsonAsync("/dev/token", new { username = "ada-admin", groups = new[] { "admin" } })).ReadAsync(HttpStatusCode.OK);
        brokenAdmin.DefaultRequestHeaders.Authorization = new("Bearer", token.Str("accessToken"));

        var location = (await brokenAdmin.PostAsync("/reports/sales", null)).Headers.Location!.OriginalString;

        var failed = await ApiCalls.EventuallyAsync(
            () =>
            {
                app.Clock.Advance(BoxOfficeApp.VisibilityTimeout); // the local queue's visibility timeouts run on the app's clock
                return brokenAdmin.GetJsonAsync(location);
            },
            r => r.Str("status") != "Pending", TimeSpan.FromSeconds(30));
        Assert.Equal("Failed", failed.Str("status"));
        Assert.Equal(SalesReportHandler.FailureReason(3), failed.Str("error"));
        var letters = await ApiCalls.EventuallyAsync(() => brokenAdmin.GetJsonAsync("/admin/dead-letters"), l => l.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var letter = Assert.Single(letters.EnumerateArray());
        Assert.Equal(("report.sales.requested", 3), (letter.Str("type"), letter.GetProperty("receiveCount").GetInt32()));
    }

    private sealed class NoReportFiles(IFileStore inner) : FileStoreDecorator(inner)
    {
        public override Task PutAsync(string key, Stream content, string contentType, CancellationToken ct) =>
            key.StartsWith("reports/", StringComparison.Ordinal)
                ? throw new IOException("the disk is full")
                : base.PutAsync(key, content, contentType, ct);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-12.50", "-12.50")]
    public void Csv_fields_are_escaped(string field, string expected) => Assert.Equal(expected, SalesReportBuilder.Escape(field));
}
