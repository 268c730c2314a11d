using System.Net;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Worker.Reports;

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

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-12.50", "-12.50")]
    public void Csv_fields_are_escaped(string field, string expected) => Assert.Equal(expected, SalesReportBuilder.Escape(field));
}
