using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Site;

/// <summary>Where the site lives: the configured origin, or the one this request came to (same-origin serving).</summary>
public static class SiteOrigin
{
    public static string Of(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.Origin;
        return string.IsNullOrEmpty(configured) ? $"{http.Request.Scheme}://{http.Request.Host}" : configured.TrimEnd('/');
    }

    public static string CallbackUri(HttpContext http) => Of(http) + SiteOptions.CallbackPath;

    public static string SignedOutUri(HttpContext http) => Of(http) + SiteOptions.SignedOutPath;
}
