using Microsoft.Playwright;

namespace BoxOffice.Api.Tests.Browser;

/// <summary>One Api on Kestrel and one Chromium for every browser test; each test gets its own browser context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public SiteServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public IPlaywright Playwright => _playwright!;

    public async Task InitializeAsync()
    {
        _ = Chromium.ExecutablePath; // fail first, and clearly, when Chromium is missing
        Assertions.SetDefaultExpectTimeout(15_000); // two cores shared with builds: jobs may take seconds
        Server = new SiteServer();
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
