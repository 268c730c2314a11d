using BoxOffice.Api.Identity.SignIn;
using BoxOffice.Api.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BoxOffice.Api.Tests.Browser;

/// <summary>Sessions in the browser: tokens kept in memory and refreshed, an ended session back through sign-in, sign-out.</summary>
public sealed class SessionTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_expired_session_sends_you_to_sign_in_and_back_to_where_you_were()
    {
        // Its own server: this test moves the clock past the refresh token's and the sign-in session's lifetime. Tokens
        // live ten minutes of the browser's time, so the page's own refresh timer (a minute before expiry) never fires
        // in between: the first call after the jump is what finds the session over.
        await using var server = new SiteServer(new Dictionary<string, string?> { ["BoxOffice:Identity:DevTokenLifetime"] = "00:10:00" });
        var page = await NewPageAsync(server);
        var admin = await server.ApiClientAsync("ada-admin", "admin");
        var showId = (await admin.CreateShowAsync(title: "Pericles", startsIn: TimeSpan.FromDays(90))).Str("showId");

        await page.GotoAsync($"/show/{showId}");
        await SignInAsync(page, "gil");
        await page.GetByRole(AriaRole.Link, new() { Name = "My orders" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My orders" })).ToBeVisibleAsync();

        // A month passes: the refresh token and the sign-in session expire.
        var jump = DevSignInGrants.RefreshTokenLifetime + TimeSpan.FromDays(1);
        server.Clock.Advance(jump);
        await page.GetByRole(AriaRole.Link, new() { Name = "Shows", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "My orders" }).ClickAsync();
        await Expect(page.GetByLabel("User name")).ToBeVisibleAsync(); // asked again: the session was not remembered

        await CompleteSignInPageAsync(page, "gil");
        await Expect(page).ToHaveURLAsync(server.Url("/my-orders"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My orders" })).ToBeVisibleAsync();
        await Expect(page.GetByText("No orders yet")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_session_at_the_issuer_too()
    {
        await Page.GotoAsync("/");
        await SignInAsync(Page, "hana");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Server.Url("/"));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Page.GetByLabel("User name")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Tokens_are_kept_in_memory_only()
    {
        await Page.GotoAsync("/");
        await SignInAsync(Page, "ike");
        var stored = await Page.EvaluateAsync<string>("() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie");
        Assert.DoesNotContain("eyJ", stored, StringComparison.Ordinal); // no JWT anywhere the page can persist
    }
}
