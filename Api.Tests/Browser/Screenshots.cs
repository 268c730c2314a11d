using Microsoft.Playwright;

namespace BoxOffice.Api.Tests.Browser;

/// <summary>
/// PNGs of the main pages at phone and desktop width, written to BOXOFFICE_SCREENSHOTS or artifacts/screenshots in the
/// repository (the current ones are copied to docs/ by hand).
/// </summary>
internal static class Screenshots
{
    public static readonly (string Name, int Width, int Height)[] Sizes = [("phone", 375, 812), ("desktop", 1280, 900)];

    public static string Folder
    {
        get
        {
            if (Environment.GetEnvironmentVariable("BOXOFFICE_SCREENSHOTS") is { Length: > 0 } configured) return configured;
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Monolith.sln"))) folder = folder.Parent;
            return Path.Combine(folder?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        }
    }

    /// <summary>Takes <c>{name}-phone.png</c> and <c>{name}-desktop.png</c> of the page as it is now (full length).</summary>
    public static async Task TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var original = page.ViewportSize;
        foreach (var (size, width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(150); // let layout settle after the resize
            var path = Path.Combine(Folder, $"{name}-{size}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 1000, $"{path} is empty");
        }
        if (original is not null) await page.SetViewportSizeAsync(original.Width, original.Height);
    }
}
