using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BoxOffice.Api.Tests.Browser;

/// <summary>
/// A fresh browser context per test (own cookies and storage) on the shared server. Any script error, console error
/// (a CSP violation is one) or dialog (an alert from injected script) fails the test.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", TestCategory.Browser)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected ConcurrentQueue<string> Problems { get; } = new();

    protected SiteServer Server => fixture.Server;

    protected IPage Page { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Page = await NewPageAsync(Server);

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        Assert.True(Problems.IsEmpty, "The page reported problems:\n" + string.Join("\n", Problems));
    }

    protected async Task<IPage> NewPageAsync(SiteServer server, int width = 1280, int height = 900)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            AcceptDownloads = true,
            BaseURL = server.Origin,
        });
        context.SetDefaultTimeout(30_000); // roomy: CI machines are small and shared
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => Problems.Enqueue($"script error: {error}");
        page.Console += (_, message) => { if (message.Type == "error" && !IsExpectedHttpError(message.Text)) Problems.Enqueue($"console: {message.Text}"); };
        page.Dialog += async (_, dialog) => { Problems.Enqueue($"dialog: {dialog.Message}"); await dialog.DismissAsync(); };
        return page;
    }

    /// <summary>Signs in through the site's button and the dev issuer's page, as a person would.</summary>
    protected static async Task SignInAsync(IPage page, string username, bool admin = false)
    {
        // On a loaded CI machine one click in many opened nothing within the 30 s timeout: a person clicks again, and
        // so does the test (a second click only starts the same sign-in anew).
        var signInPage = new Regex("/dev/oauth2/authorize");
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).First.ClickAsync();
            try
            {
                await page.WaitForURLAsync(signInPage, new() { Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        await CompleteSignInPageAsync(page, username, admin);
    }

    protected static async Task CompleteSignInPageAsync(IPage page, string username, bool admin = false)
    {
        await page.WaitForURLAsync(new Regex("/dev/oauth2/authorize"));
        await page.GetByLabel("User name").FillAsync(username);
        if (admin) await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("admin") }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#account .who")).ToHaveTextAsync(username);
    }

    protected ILocator Main => Page.Locator("main");

    /// <summary>A 4xx the test provokes on purpose is logged by Chromium as a failed resource load: not a page fault.</summary>
    private static bool IsExpectedHttpError(string text) =>
        text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal);
}
