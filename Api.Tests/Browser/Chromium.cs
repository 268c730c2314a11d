using Microsoft.Playwright;

namespace BoxOffice.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download cannot work here). Missing Chromium fails the
/// browser tests with the command that installs it; they are never skipped.
/// </summary>
internal static class Chromium
{
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/lib/chromium-browser/chromium-browser"];

    /// <summary>BOXOFFICE_CHROMIUM, else Debian's binary (not /usr/bin/chromium, a wrapper script).</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("BOXOFFICE_CHROMIUM") is { Length: > 0 } configured ? configured
        : Candidates.FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("Chromium is not installed, and the browser tests need it: run `apt-get install -y chromium` (or set BOXOFFICE_CHROMIUM to its binary).");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
    });
}
