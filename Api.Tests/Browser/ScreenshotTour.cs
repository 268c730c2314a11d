using System.Net;
using System.Net.Http.Json;
using BoxOffice.Api.Tests.Posters;
using BoxOffice.Api.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BoxOffice.Api.Tests.Browser;

/// <summary>
/// The main pages at phone and desktop width, on a server of their own with a tidy programme: the show list, a
/// show, a confirmed order with its QR codes, and the admin pages (see <see cref="Screenshots"/> for where they go).
/// </summary>
public sealed class ScreenshotTour(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly (string Title, string Venue, int Days, int Capacity, decimal Price, (byte, byte, byte) Top, (byte, byte, byte) Bottom)[] Programme =
    [
        ("Hamlet", "Globe Theatre", 12, 300, 32m, (38, 24, 64), (140, 28, 19)),
        ("La Traviata", "Royal Opera House", 19, 800, 68m, (20, 40, 70), (200, 120, 60)),
        ("Swan Lake", "London Coliseum", 26, 40, 45m, (10, 60, 90), (230, 230, 240)),
        ("The Comedy of Errors", "Rose Playhouse", 33, 90, 18.5m, (120, 40, 20), (250, 200, 80)),
        ("Midnight Jazz Quartet", "Ronnie's Cellar", 41, 120, 30m, (15, 15, 30), (60, 120, 110)),
        ("A Winter's Tale", "Sam Wanamaker Playhouse", 55, 340, 27.5m, (60, 80, 110), (220, 230, 240)),
    ];

    [Fact]
    public async Task Main_pages_at_phone_and_desktop_width()
    {
        await using var server = new SiteServer();
        var page = await NewPageAsync(server);
        var admin = await server.ApiClientAsync("ada", "admin");
        var ids = new List<string>();
        foreach (var show in Programme)
        {
            var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(show.Days).AddHours(19).AddMinutes(30), TimeSpan.Zero);
            var created = await admin.PostAsJsonAsync("/shows", new { title = show.Title, venue = show.Venue, startsAt, capacity = show.Capacity, price = show.Price });
            var id = (await created.ReadAsync(HttpStatusCode.Created)).Str("showId");
            await UploadPosterAsync(admin, id, PosterImages.Gradient(show.Top, show.Bottom));
            ids.Add(id);
        }
        (await (await server.ApiClientAsync("early-bird")).OrderAsync(ids[2], 10, "tour-1")).EnsureSuccessStatusCode();
        (await (await server.ApiClientAsync("early-bird-2")).OrderAsync(ids[2], 10, "tour-2")).EnsureSuccessStatusCode();
        (await (await server.ApiClientAsync("early-bird-3")).OrderAsync(ids[2], 10, "tour-3")).EnsureSuccessStatusCode();
        (await (await server.ApiClientAsync("early-bird-4")).OrderAsync(ids[2], 7, "tour-4")).EnsureSuccessStatusCode();
        foreach (var id in ids)
            await ApiCalls.EventuallyAsync(() => admin.GetJsonAsync($"/shows/{id}"), s => s.Str("posterStatus") == "Published");

        await page.GotoAsync("/");
        await Expect(page.Locator("li.card img")).ToHaveCountAsync(Programme.Length);
        await Expect(page.Locator("li.card", new() { HasText = "Swan Lake" })).ToContainTextAsync("Only 3 left");
        await WaitForImagesAsync(page);
        await Screenshots.TakeAsync(page, "shows");

        await page.GetByRole(AriaRole.Link, new() { Name = "Hamlet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hamlet" })).ToBeVisibleAsync();
        await WaitForImagesAsync(page);
        await Screenshots.TakeAsync(page, "show");

        await SignInAsync(page, "bea");
        await page.GetByLabel("Tickets", new() { Exact = true }).SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buy tickets" }).ClickAsync();
        await Expect(page.Locator(".ticket svg")).ToHaveCountAsync(2);
        await Screenshots.TakeAsync(page, "order");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url("/"));
        await SignInAsync(page, "ada", admin: true);
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage" }).ClickAsync();
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(Programme.Length);
        await Screenshots.TakeAsync(page, "manage");

        await page.GetByRole(AriaRole.Link, new() { Name = "La Traviata" }).ClickAsync();
        await Expect(page.Locator(".upload img")).ToBeVisibleAsync();
        await WaitForImagesAsync(page);
        await Screenshots.TakeAsync(page, "manage-show");
    }

    private static async Task UploadPosterAsync(HttpClient admin, string showId, byte[] png)
    {
        var upload = await PosterUploads.RequestAsync(admin, showId, "image/png", png.Length);
        using var put = PosterUploads.Put(upload, png);
        (await admin.SendAsync(put)).EnsureSuccessStatusCode();
    }

    private static Task WaitForImagesAsync(IPage page) =>
        page.WaitForFunctionAsync("() => [...document.images].every(image => image.complete && image.naturalWidth > 0)");

}
