using BoxOffice.Core.Identity;
using BoxOffice.Core.Web;
using BoxOffice.Hosting.Composition;

namespace BoxOffice.Api.Site;

/// <summary>
/// <c>config.json</c>: everything the site needs to know about the stack it runs against. The Api computes it
/// locally; <c>scripts/deploy.sh</c> writes the same fields in AWS. Sign-in URLs are null when no sign-in is configured.
/// </summary>
public sealed record SiteConfig(
    string ApiBaseUrl, string? AuthorizeUrl, string? TokenUrl, string? LogoutUrl, string ClientId, string Scope, string AdminGroup, string Currency)
{
    /// <summary>Built from configuration and the public base URL only, so the request's <c>Host</c> header has no say in it.</summary>
    public static SiteConfig For(IPublicBaseUrl baseUrl, SiteOptions site, IdentityOptions identity, RuntimeShape shape)
    {
        var signIn = site.SignInBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/')
            : shape == RuntimeShape.Local ? baseUrl.Value + "/dev" : null;
        return new SiteConfig(
            baseUrl.Value,
            signIn is null ? null : signIn + "/oauth2/authorize",
            signIn is null ? null : signIn + "/oauth2/token",
            signIn is null ? null : signIn + "/logout",
            identity.ClientId,
            "openid",
            identity.AdminGroup,
            site.Currency);
    }
}
