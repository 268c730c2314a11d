namespace BoxOffice.Api.Site;

/// <summary>
/// Section <c>BoxOffice:Site</c>: the web box office the Api serves next to itself (local shape), and what its
/// <c>config.json</c> says. Every setting is optional: by default the site comes from the repository's <c>Web/</c>
/// folder, lives on the Api's own origin (its public base URL) and signs in with the dev issuer.
/// </summary>
public sealed class SiteOptions
{
    public const string Section = "BoxOffice:Site";

    /// <summary>The folder holding <c>index.html</c>; default: <c>Web/</c> beside or above the content root.</summary>
    public string? Root { get; set; }

    /// <summary>The site's origin (<c>https://host[:port]</c>); default: the origin of <c>BoxOffice:PublicUrl:BaseUrl</c>.</summary>
    public string? Origin { get; set; }

    /// <summary>
    /// Base URL of the OAuth endpoints (<c>/oauth2/authorize</c>, <c>/oauth2/token</c>, <c>/logout</c>), e.g. a Cognito
    /// domain; default in the local shape: the dev issuer at <c>{origin}/dev</c>.
    /// </summary>
    public string? SignInBaseUrl { get; set; }

    /// <summary>ISO 4217 code prices are shown in.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>The path the sign-in returns to (the app client's callback URL is the origin plus this).</summary>
    public const string CallbackPath = "/signed-in";

    /// <summary>The path sign-out returns to.</summary>
    public const string SignedOutPath = "/";
}
