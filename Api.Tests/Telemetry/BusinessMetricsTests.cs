using System.Net;
using BoxOffice.Api.Tests.Posters;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Telemetry;

/// <summary>The business metrics of the local shape, counted where each outcome is decided (the Api or a job handler).</summary>
public class BusinessMetricsTests
{
    [Fact]
    public async Task Cancellations_by_the_customer_and_by_a_cancelled_show_are_counted_once_each()
    {
        await using var app = new BoxOfficeApp();
        var admin = await app.AdminAsync();
        var buyer = await app.ClientForAsync("cancelling-buyer");
        var mine = (await admin.CreateShowAsync(capacity: 10)).Str("showId");
        var doomed = (await admin.CreateShowAsync(capacity: 10)).Str("showId");
        var order = (await (await buyer.OrderAsync(mine, 1)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        await (await buyer.OrderAsync(doomed, 2)).ReadAsync(HttpStatusCode.Accepted);
        await (await buyer.OrderAsync(doomed, 1)).ReadAsync(HttpStatusCode.Accepted);

        await (await buyer.DeleteAsync($"/orders/{order}")).ReadAsync(HttpStatusCode.OK);
        await (await buyer.DeleteAsync($"/orders/{order}")).ReadAsync(HttpStatusCode.OK); // idempotent: not counted again
        await (await admin.DeleteAsync($"/shows/{doomed}")).ReadAsync(HttpStatusCode.Accepted);

        await ApiCalls.EventuallyAsync(() => Task.FromResult(app.Metrics.Sum("OrdersCancelled")), n => n >= 3);
        await Task.Delay(600); // two more flushes: nothing else arrives
        Assert.Equal(3, app.Metrics.Sum("OrdersCancelled"));
        Assert.Equal(1, app.Metrics.Sum("OrdersCancelled", "Reason", "Customer"));
        Assert.Equal(2, app.Metrics.Sum("OrdersCancelled", "Reason", "ShowCancelled"));
        Assert.Equal(3, app.Metrics.Sum("OrdersPlaced"));
    }

    [Fact]
    public async Task Published_and_rejected_posters_and_produced_reports_are_counted()
    {
        await using var app = new BoxOfficeApp();
        var admin = await app.AdminAsync();
        var png = TestImages.Png(4, 4);
        await UploadAsync(app, admin, (await admin.CreateShowAsync()).Str("showId"), png, "image/png");
        await UploadAsync(app, admin, (await admin.CreateShowAsync()).Str("showId"), png, "image/gif");
        await (await admin.PostAsync("/reports/sales", null)).ReadAsync(HttpStatusCode.Accepted);

        await ApiCalls.EventuallyAsync(
            () => Task.FromResult((app.Metrics.Sum("PostersPublished"), app.Metrics.Sum("PostersRejected"), app.Metrics.Sum("ReportsProduced"))),
            counts => counts == (1, 1, 1));
        Assert.All(app.Metrics.Lines, line => Assert.Empty(EmfSpecification.Problems(line)));
    }

    private static async Task UploadAsync(BoxOfficeApp app, HttpClient admin, string showId, byte[] bytes, string contentType)
    {
        var upload = await PosterUploads.RequestAsync(admin, showId, contentType, bytes.Length);
        using var put = PosterUploads.Put(upload, bytes, relative: true);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(put)).StatusCode);
    }
}
