using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Shows;

/// <summary><c>GET /admin/shows</c>: every show whatever its status, latest start first, with the public list's cursor paging.</summary>
public sealed class AdminShowListTests
{
    [Fact]
    public async Task Admins_page_through_every_show_latest_start_first_whatever_its_status()
    {
        await using var app = new BoxOfficeApp();
        var admin = await app.AdminAsync();
        var started = (await admin.CreateShowAsync(startsIn: TimeSpan.FromHours(1), title: "Started")).Str("showId");
        var soon = (await admin.CreateShowAsync(startsIn: TimeSpan.FromDays(1), title: "Soon")).Str("showId");
        var cancelled = (await admin.CreateShowAsync(startsIn: TimeSpan.FromDays(3), title: "Cancelled")).Str("showId");
        await (await admin.DeleteAsync($"/shows/{cancelled}")).ReadAsync(HttpStatusCode.Accepted);
        var draft = await (await admin.PostAsJsonAsync("/shows", new { title = "Draft", venue = "V", startsAt = DateTimeOffset.UtcNow.AddDays(5), capacity = 5, price = 1, onSale = false }))
            .ReadAsync(HttpStatusCode.Created);
        var later = (await admin.CreateShowAsync(startsIn: TimeSpan.FromDays(10), title: "Later")).Str("showId");
        app.Clock.Advance(TimeSpan.FromHours(2));
        admin = await app.AdminAsync(); // the first token expired meanwhile

        var (items, pages) = await AllPagesAsync(admin, "/admin/shows?limit=2");

        Assert.Equal([later, draft.Str("showId"), cancelled, soon, started], items.Select(s => s.Str("showId")));
        Assert.Equal(["OnSale", "OffSale", "Cancelled", "OnSale", "OnSale"], items.Select(s => s.Str("status")));
        Assert.Equal(3, pages);
        var (onSale, _) = await AllPagesAsync(app.CreateClient(), "/shows");
        Assert.Equal([soon, later], onSale.Select(s => s.Str("showId")));
    }

    [Fact]
    public async Task A_cursor_of_the_public_list_or_a_forged_one_and_a_bad_limit_are_400()
    {
        await using var app = new BoxOfficeApp();
        var admin = await app.AdminAsync();
        for (var i = 1; i <= 3; i++) await admin.CreateShowAsync(startsIn: TimeSpan.FromDays(i));
        var publicCursor = (await app.CreateClient().GetJsonAsync("/shows?limit=1")).Str("nextCursor");
        var adminCursor = (await admin.GetJsonAsync("/admin/shows?limit=1")).Str("nextCursor");

        var borrowed = await (await admin.GetAsync($"/admin/shows?cursor={Uri.EscapeDataString(publicCursor)}")).ProblemAsync(HttpStatusCode.BadRequest);
        var tampered = (adminCursor[0] == 'A' ? "B" : "A") + adminCursor[1..];
        var forged = await (await admin.GetAsync($"/admin/shows?cursor={Uri.EscapeDataString(tampered)}")).ProblemAsync(HttpStatusCode.BadRequest);
        var limit = await (await admin.GetAsync("/admin/shows?limit=0")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("cursor", borrowed.Str("detail"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cursor", forged.Str("detail"), StringComparison.OrdinalIgnoreCase);
        Assert.True(limit.GetProperty("errors").TryGetProperty("limit", out _), limit.ToString());
        await (await app.CreateClient().GetAsync($"/shows?cursor={Uri.EscapeDataString(adminCursor)}")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<(List<JsonElement> Items, int Pages)> AllPagesAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.GetJsonAsync(cursor is null ? path : $"{path}{(path.Contains('?') ? '&' : '?')}cursor={Uri.EscapeDataString(cursor)}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.Str("nextCursor");
            pages++;
        }
        while (cursor is not null && pages < 10);
        return (items, pages);
    }
}
