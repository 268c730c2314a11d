using BoxOffice.Api.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace BoxOffice.Api.Tests.Browser;

/// <summary>Keyboard-only use: the skip link comes first, and a show is reached and opened with Tab and Enter.</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_show_can_be_found_and_opened_with_the_keyboard_alone()
    {
        var admin = await Server.ApiClientAsync("ada-admin", "admin");
        var showId = (await admin.CreateShowAsync(title: "Keyboard Cymbeline", startsIn: TimeSpan.FromDays(1))).Str("showId");
        await Page.GotoAsync("/");
        await Expect(Main.Locator("li.card").First).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator(":focus")).ToHaveTextAsync("Skip to content");
        for (var i = 0; i < 40 && await Page.EvaluateAsync<string>("() => document.activeElement.textContent") != "Keyboard Cymbeline"; i++)
            await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(Server.Url($"/show/{showId}"));
        await Expect(Page.GetByLabel("Tickets", new() { Exact = true })).ToBeVisibleAsync();
    }
}
