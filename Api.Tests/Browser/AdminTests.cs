using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BoxOffice.Api.Tests.Posters;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BoxOffice.Api.Tests.Browser;

/// <summary>Admins in a real browser: create and edit shows (If-Match, 412), posters, reports, dead letters.</summary>
public sealed class AdminTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_admin_creates_a_show_and_uploads_a_real_poster_then_a_fake_one()
    {
        await Page.GotoAsync("/");
        await SignInAsync(Page, "ada", admin: true);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Manage" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "New show" }).ClickAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Create show" }).ClickAsync();
        await Expect(Page.GetByLabel("Title")).ToHaveAttributeAsync("aria-invalid", "true"); // checked before sending

        await Page.GetByLabel("Title").FillAsync("A Midsummer Night's Dream");
        await Page.GetByLabel("Venue").FillAsync("Rose Playhouse");
        await Page.GetByLabel("Starts").FillAsync(DateTime.Now.AddDays(40).ToString("yyyy-MM-dd'T'19:30", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByLabel("Seats").FillAsync("80");
        await Page.GetByLabel(new Regex("^Price")).FillAsync("18.50");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create show" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/manage/shows/[0-9a-f]+\\?created=1$"));
        await Expect(Main).ToContainTextAsync("Show created");
        var showId = new Uri(Page.Url).AbsolutePath.Split('/').Last();
        var created = await (await Server.ApiClientAsync("ada", "admin")).GetJsonAsync($"/shows/{showId}");
        Assert.Equal("Rose Playhouse", created.Str("venue"));
        Assert.Equal(18.5m, created.GetProperty("price").GetDecimal());

        await Page.GetByLabel("Image file").SetInputFilesAsync(new FilePayload { Name = "poster.png", MimeType = "image/png", Buffer = TestImages.Png(24, 36) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload poster" }).ClickAsync();
        await Expect(Main.Locator(".upload .badge")).ToHaveTextAsync("Published", new() { Timeout = 20_000 });
        await Expect(Main.Locator(".upload img")).ToBeVisibleAsync();

        await Page.GetByLabel("Image file").SetInputFilesAsync(new FilePayload { Name = "fake.png", MimeType = "image/png", Buffer = "this is not a PNG at all"u8.ToArray() });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload poster" }).ClickAsync();
        await Expect(Main.Locator(".upload .notice.error")).ToContainTextAsync("Rejected", new() { Timeout = 20_000 });
        await Expect(Main.Locator(".upload .notice.error .reason")).ToHaveTextAsync("Declared image/png, but the file is text, not an image.");
        await Expect(Main.Locator(".upload img")).ToBeVisibleAsync(); // the published poster stays on show
    }

    [Fact]
    public async Task An_admin_opening_a_show_sees_why_its_poster_was_rejected()
    {
        var api = await Server.ApiClientAsync("ada", "admin");
        var showId = (await api.CreateShowAsync(title: "The Tempest")).Str("showId");
        var fake = "GIF89a but then nothing of an image"u8.ToArray();
        var upload = await PosterUploads.RequestAsync(api, showId, "image/gif", fake.Length);
        using (var put = PosterUploads.Put(upload, fake))
            (await api.SendAsync(put)).EnsureSuccessStatusCode();
        var reason = (await ApiCalls.EventuallyAsync(() => api.GetJsonAsync($"/shows/{showId}"), s => s.Str("posterStatus") == "Rejected")).Str("posterRejectionReason");
        Assert.False(string.IsNullOrWhiteSpace(reason));

        await Page.GotoAsync("/");
        await SignInAsync(Page, "ada", admin: true);
        await Page.GotoAsync($"/manage/shows/{showId}");
        await SignInIfAskedAsync("ada");

        var notice = Main.Locator(".upload .notice.error");
        await Expect(notice).ToContainTextAsync("Rejected.");
        await Expect(notice.Locator(".reason")).ToHaveTextAsync(reason); // as text
        await Expect(Main.Locator(".upload img")).ToHaveCountAsync(0); // nothing was ever published
    }

    [Fact]
    public async Task An_admin_pages_through_every_show_with_its_status_and_opens_one_to_edit()
    {
        await using var server = new SiteServer(); // its own shows only, to count them
        var api = await server.ApiClientAsync("ada", "admin");
        var ids = new List<string>();
        for (var day = 1; day <= 21; day++) ids.Add((await api.CreateShowAsync(startsIn: TimeSpan.FromDays(day), title: $"Show {day:00}")).Str("showId"));
        await (await api.DeleteAsync($"/shows/{ids[^1]}")).ReadAsync(System.Net.HttpStatusCode.Accepted);
        var draft = await (await api.PostAsJsonAsync("/shows", new
        {
            title = "The Tempest (draft)", venue = "Blackfriars", startsAt = DateTimeOffset.UtcNow.AddDays(40), capacity = 30, price = 12m, onSale = false,
        })).ReadAsync(System.Net.HttpStatusCode.Created);
        var page = await NewPageAsync(server);

        await page.GotoAsync("/");
        await SignInAsync(page, "ada", admin: true);
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage" }).ClickAsync();
        var rows = page.Locator("main tbody tr");
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(rows.Nth(0)).ToContainTextAsync("The Tempest (draft)");
        await Expect(rows.Nth(0).Locator(".badge")).ToHaveTextAsync("Off sale");
        await Expect(rows.Nth(1)).ToContainTextAsync("Show 21");
        await Expect(rows.Nth(1).Locator(".badge")).ToHaveTextAsync("Cancelled");
        await Expect(rows.Nth(2).Locator(".badge")).ToHaveTextAsync("On sale");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show more" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(22);
        await Expect(rows.Nth(21)).ToContainTextAsync("Show 01");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show more" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "The Tempest (draft)" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url($"/manage/shows/{draft.Str("showId")}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The Tempest (draft)", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Sale")).ToHaveValueAsync("OffSale");
    }

    [Fact]
    public async Task An_edit_that_lost_a_race_shows_the_stored_values_and_overwrites_nothing()
    {
        var api = await Server.ApiClientAsync("ada", "admin");
        var showId = (await api.CreateShowAsync(title: "King Lear", capacity: 60)).Str("showId");
        await Page.GotoAsync("/");
        await SignInAsync(Page, "ada", admin: true);
        await Page.GotoAsync($"/manage/shows/{showId}");
        await SignInIfAskedAsync("ada");
        await Page.GetByLabel("Title").FillAsync("King Lear (matinee)");

        using var rival = new HttpRequestMessage(HttpMethod.Patch, $"/shows/{showId}") { Content = JsonContent.Create(new { title = "King Lear (gala)" }) };
        rival.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await api.SendAsync(rival)).EnsureSuccessStatusCode();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        var conflict = Main.Locator(".notice.warn");
        await Expect(conflict).ToContainTextAsync("Someone else changed this show while you were editing");
        await Expect(conflict).ToContainTextAsync("King Lear (gala)");
        Assert.Equal("King Lear (gala)", (await api.GetJsonAsync($"/shows/{showId}")).Str("title"));

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Save my values over them" }).ClickAsync();
        await Expect(Main.Locator(".form-note")).ToContainTextAsync("Saved.");
        Assert.Equal("King Lear (matinee)", (await api.GetJsonAsync($"/shows/{showId}")).Str("title"));
    }

    [Fact]
    public async Task An_admin_requests_a_sales_report_and_downloads_it()
    {
        var api = await Server.ApiClientAsync("ada", "admin");
        await api.CreateShowAsync(title: "Richard III");
        await Page.GotoAsync("/");
        await SignInAsync(Page, "ada", admin: true);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Manage" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sales reports" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Prepare a sales report" }).ClickAsync();
        var link = Page.GetByRole(AriaRole.Link, new() { Name = "Download the CSV" });
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Richard III", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_dead_letters_and_redrives_them()
    {
        var queue = Server.Services.GetRequiredService<IJobQueue>();
        await queue.SendAsync(new JobMessage("test.always-fails", """{"reason":"no handler"}""", null), CancellationToken.None);
        var api = await Server.ApiClientAsync("ada", "admin");
        await ApiCalls.EventuallyAsync(
            async () =>
            {
                Server.Clock.Advance(BoxOfficeApp.VisibilityTimeout); // each failed receive hides the job that long
                return await api.GetJsonAsync("/admin/dead-letters");
            },
            letters => letters.EnumerateArray().Any(l => l.Str("type") == "test.always-fails"));

        await Page.GotoAsync("/");
        await SignInAsync(Page, "ada", admin: true);
        await Page.GotoAsync("/manage/dead-letters");
        await SignInIfAskedAsync("ada");
        var row = Main.Locator("tr", new() { HasText = "test.always-fails" });
        await Expect(row).ToContainTextAsync("reason: no handler");
        await Main.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Redrive") }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Redrive" }).ClickAsync();
        await Expect(Main.Locator(".notice.ok")).ToContainTextAsync("sent back to the queue");
    }

    [Fact]
    public async Task A_buyer_is_told_the_admin_pages_are_not_for_them()
    {
        await Page.GotoAsync("/");
        await SignInAsync(Page, "bob");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Manage" })).ToBeHiddenAsync();
        await Page.EvaluateAsync("() => { history.pushState(null, '', '/manage'); dispatchEvent(new PopStateEvent('popstate')); }");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Administrators only" })).ToBeVisibleAsync();
    }

    /// <summary>A typed-in address reloads the page, and tokens live in memory only: the dev session signs in again at once.</summary>
    private async Task SignInIfAskedAsync(string username)
    {
        await Expect(Page.Locator("#account .who")).ToHaveTextAsync(username);
    }

}
