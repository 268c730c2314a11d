using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BoxOffice.Adapters.Aws.Cognito;

/// <summary>
/// The issuer and signing keys of a user pool for JwtBearer: the JWKS is fetched on first use, cached, refreshed
/// daily, and fetched again (at most every five minutes) when a token names a key it does not know.
/// </summary>
internal static class CognitoSigningKeys
{
    /// <summary>The <see cref="IHttpClientFactory"/> client that fetches the JWKS (configure its timeout there).</summary>
    public const string HttpClientName = "cognito-jwks";

    public static IConfigurationManager<OpenIdConnectConfiguration> Create(string issuer, string jwksUrl, IHttpClientFactory http) =>
        new ConfigurationManager<OpenIdConnectConfiguration>(
            jwksUrl,
            new JwksConfigurationRetriever(issuer),
            new PooledDocumentRetriever(http, HttpClientName, requireHttps: jwksUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(24),
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
}
