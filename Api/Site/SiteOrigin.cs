using BoxOffice.Core.Web;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Site;

/// <summary>
/// Where the site lives: the configured origin, or the origin of the app's public base URL (same-origin serving).
/// Never the origin a request names: the dev sign-in sends codes to the callback built here.
/// </summary>
public static class SiteOrigin
{
    public static string Of(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.Origin;
        return string.IsNullOrEmpty(configured) ? http.RequestServices.GetRequiredService<IPublicBaseUrl>().Origin : configured.TrimEnd('/');
    }

    public static string CallbackUri(HttpContext http) => Of(http) + SiteOptions.CallbackPath;

    public static string SignedOutUri(HttpContext http) => Of(http) + SiteOptions.SignedOutPath;
}
