using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Shows;

public class ShowsTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    [Fact]
    public async Task Admin_creates_a_show_that_anyone_can_read()
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/shows", new { title = "Macbeth", venue = "Old Vic", startsAt = DateTimeOffset.UtcNow.AddDays(3), capacity = 80, price = 42.5m });
        var created = await response.ReadAsync(HttpStatusCode.Created);
        var id = created.Str("showId");
        Assert.Equal($"/shows/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);

        var read = await app.CreateClient().GetAsync($"/shows/{id}");
        var show = await read.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("Macbeth", show.Str("title"));
        Assert.Equal(80, show.GetProperty("seatsAvailable").GetInt32());
        Assert.Equal(42.5m, show.GetProperty("price").GetDecimal());
        Assert.Equal("OnSale", show.Str("status"));
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_start_must_be_after_now_as_the_app_clock_tells_it()
    {
        await using var local = new BoxOfficeApp();
        var admin = await local.AdminAsync();
        var id = (await admin.CreateShowAsync(startsIn: TimeSpan.FromDays(5))).Str("showId");
        local.Clock.Advance(TimeSpan.FromDays(10));
        admin = await local.AdminAsync(); // the first token expired on the way

        var create = await admin.PostAsJsonAsync("/shows", new { title = "Late", venue = "V", startsAt = DateTimeOffset.UtcNow.AddDays(7), capacity = 5, price = 1 });
        var edit = await Patch(admin, id, "\"1\"", new { startsAt = DateTimeOffset.UtcNow.AddDays(8) });

        Assert.True((await create.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("startsAt", out _));
        Assert.True((await edit.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("startsAt", out _));
        await (await Patch(admin, id, "\"1\"", new { startsAt = DateTimeOffset.UtcNow.AddDays(11) })).ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_show_is_404_problem()
    {
        await (await app.CreateClient().GetAsync("/shows/nope")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_pages_through_on_sale_shows_soonest_first()
    {
        await using var fresh = new BoxOfficeApp();
        var admin = await fresh.AdminAsync();
        var ids = new List<string>();
        for (var i = 5; i >= 1; i--) ids.Insert(0, (await admin.CreateShowAsync(startsIn: TimeSpan.FromDays(i))).Str("showId"));
        var offSale = await admin.PostAsJsonAsync("/shows", new { title = "Hidden", venue = "V", startsAt = DateTimeOffset.UtcNow.AddDays(1), capacity = 5, price = 1, onSale = false });
        await offSale.ReadAsync(HttpStatusCode.Created);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await fresh.CreateClient().GetJsonAsync($"/shows?limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(s => s.Str("showId")));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.Str("nextCursor");
            pages++;
        }
        while (cursor is not null && pages < 10);
        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("eyJzIjoiMCIsImlkIjoiIn0")]
    [InlineData("")]
    public async Task A_forged_cursor_is_400(string cursor)
    {
        var admin = await app.AdminAsync();
        await admin.CreateShowAsync();
        await admin.CreateShowAsync();
        var real = await app.CreateClient().GetJsonAsync("/shows?limit=1");
        var forged = cursor.Length > 0 ? cursor : Tamper(real.Str("nextCursor"));
        var response = await app.CreateClient().GetAsync($"/shows?cursor={Uri.EscapeDataString(forged)}");
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("cursor", problem.Str("detail"), StringComparison.OrdinalIgnoreCase);
    }

    private static string Tamper(string cursor) => (cursor[0] == 'A' ? "B" : "A") + cursor[1..];

    [Fact]
    public async Task Patch_needs_the_current_etag()
    {
        var admin = await app.AdminAsync();
        var id = (await admin.CreateShowAsync(capacity: 10)).Str("showId");

        var missing = await admin.PatchAsJsonAsync($"/shows/{id}", new { title = "No etag" });
        await missing.ProblemAsync(HttpStatusCode.PreconditionRequired);

        var ok = await Patch(admin, id, "\"1\"", new { title = "Hamlet II", capacity = 12 });
        var body = await ok.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("Hamlet II", body.Str("title"));
        Assert.Equal(12, body.GetProperty("seatsAvailable").GetInt32());
        Assert.Equal("\"2\"", ok.Headers.ETag!.Tag);

        var stale = await Patch(admin, id, "\"1\"", new { title = "Lost update" });
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Hamlet II", (await app.CreateClient().GetJsonAsync($"/shows/{id}")).Str("title"));
    }

    [Fact]
    public async Task Capacity_cannot_drop_below_seats_sold()
    {
        var admin = await app.AdminAsync();
        var id = (await admin.CreateShowAsync(capacity: 10)).Str("showId");
        await (await (await app.ClientForAsync("buyer")).OrderAsync(id, 6)).ReadAsync(HttpStatusCode.Accepted);
        await (await Patch(admin, id, "\"1\"", new { capacity = 5 })).ProblemAsync(HttpStatusCode.Conflict);
        var ok = await (await Patch(admin, id, "\"1\"", new { capacity = 6 })).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(0, ok.GetProperty("seatsAvailable").GetInt32());
    }

    [Fact]
    public async Task Off_sale_shows_take_no_orders_and_leave_the_list()
    {
        var admin = await app.AdminAsync();
        var id = (await admin.CreateShowAsync()).Str("showId");
        await (await Patch(admin, id, "\"1\"", new { status = "OffSale" })).ReadAsync(HttpStatusCode.OK);
        await (await (await app.ClientForAsync("buyer")).OrderAsync(id, 1)).ProblemAsync(HttpStatusCode.Conflict);
        var list = await app.CreateClient().GetJsonAsync("/shows?limit=100");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), s => s.Str("showId") == id);
    }

    [Fact]
    public async Task Cancelling_a_show_cancels_its_orders_in_the_background()
    {
        var admin = await app.AdminAsync();
        var id = (await admin.CreateShowAsync(capacity: 10)).Str("showId");
        var buyer = await app.ClientForAsync("fan");
        var orderIds = new List<string>();
        for (var i = 0; i < 3; i++) orderIds.Add((await (await buyer.OrderAsync(id, 2)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId"));

        var cancelled = await (await admin.DeleteAsync($"/shows/{id}")).ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal("Cancelled", cancelled.Str("status"));
        await (await admin.DeleteAsync($"/shows/{id}")).ReadAsync(HttpStatusCode.Accepted); // idempotent

        foreach (var orderId in orderIds)
        {
            var order = await ApiCalls.EventuallyAsync(() => buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Cancelled");
            Assert.Equal("show cancelled", order.Str("cancelReason"));
        }
        await (await buyer.OrderAsync(id, 1)).ProblemAsync(HttpStatusCode.Conflict);
        await (await Patch(admin, id, "\"2\"", new { title = "Back?" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.DeleteAsync("/shows/unknown")).ProblemAsync(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> Patch(HttpClient client, string id, string etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/shows/{id}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }
}
