namespace BoxOffice.Api.Site;

/// <summary>Where the site's files are, and which of its paths are pages of the single-page app.</summary>
public static class SiteFiles
{
    /// <summary>The app's own routes: each answers <c>index.html</c>, whose script then draws the page.</summary>
    public static readonly string[] PageRoutes = ["/", "/show/{showId}", "/my-orders", "/my-orders/{orderId}", "/manage", "/manage/{**rest}", SiteOptions.CallbackPath];

    /// <summary>Text types worth compressing (the site's only; API bodies stay as they are).</summary>
    public static readonly string[] CompressedTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "application/json", "image/svg+xml"];

    /// <summary>The configured folder, else <c>Web/</c> in the content root or its parent (the repository layout); null when absent.</summary>
    public static string? FindRoot(string contentRoot, string? configured)
    {
        string[] candidates = configured is { Length: > 0 }
            ? [Path.GetFullPath(configured, contentRoot)]
            : [Path.Combine(contentRoot, "Web"), Path.GetFullPath(Path.Combine(contentRoot, "..", "Web"))];
        return candidates.FirstOrDefault(folder => File.Exists(Path.Combine(folder, "index.html")));
    }

    /// <summary>Requests for the site rather than the API: its pages, assets and settings.</summary>
    public static bool IsSiteRequest(HttpContext http)
    {
        var path = http.Request.Path;
        return path == "/" || path.StartsWithSegments("/assets") || path == "/config.json" || path.StartsWithSegments("/show")
            || path.StartsWithSegments("/my-orders") || path.StartsWithSegments("/manage") || path == SiteOptions.CallbackPath;
    }
}
