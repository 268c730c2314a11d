using System.Globalization;
using Microsoft.Playwright;

// First visit to the show list in a fresh Chromium profile: every response the page loaded, as the browser's
// Resource Timing reports them (encodedBodySize: the bytes on the wire after compression, headers excluded).
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: WebWeight SITE_URL [CHROMIUM]");
    return 2;
}
var site = args[0];
var chromium = args.Length > 1 ? args[1] : "/usr/lib/chromium/chromium";

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 375, Height = 812 } });
await page.GotoAsync(site, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
await page.Locator("li.card").First.WaitForAsync();

var entries = await page.EvaluateAsync<Entry[]>("""
    () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map(e => ({ name: e.name, kind: e.initiatorType, wire: e.encodedBodySize, body: e.decodedBodySize, transfer: e.transferSize }))
    """);

static string KindOf(Entry e) =>
    e.Name.Contains("/files/", StringComparison.Ordinal) ? "poster" :
    e.Name.EndsWith(".js", StringComparison.Ordinal) ? "js" :
    e.Name.EndsWith(".css", StringComparison.Ordinal) ? "css" :
    e.Name.EndsWith(".svg", StringComparison.Ordinal) ? "icon" :
    e.Name.EndsWith("config.json", StringComparison.Ordinal) ? "config" :
    e.Kind == "navigation" ? "html" :
    e.Name.Contains("/shows", StringComparison.Ordinal) ? "api" : "other";

var culture = CultureInfo.InvariantCulture;
Console.WriteLine("kind     files   compressed B   uncompressed B");
foreach (var group in entries.GroupBy(KindOf).OrderBy(g => g.Key, StringComparer.Ordinal))
    Console.WriteLine(string.Format(culture, "{0,-8} {1,5} {2,14:N0} {3,16:N0}", group.Key, group.Count(), group.Sum(e => e.Wire), group.Sum(e => e.Body)));
var own = entries.Where(e => KindOf(e) is "html" or "css" or "js" or "icon" or "config").ToList();
var total = own.Sum(e => e.Wire);
Console.WriteLine(string.Format(culture, "site (HTML, CSS, JS, icon, config; no posters, no API data): {0:N0} B compressed ({1:N1} KB), {2:N0} B uncompressed, budget 150 KB",
    total, total / 1024.0, own.Sum(e => e.Body)));
return total <= 150 * 1024 ? 0 : 1;

internal sealed class Entry
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public long Wire { get; set; }
    public long Body { get; set; }
    public long Transfer { get; set; }
}
