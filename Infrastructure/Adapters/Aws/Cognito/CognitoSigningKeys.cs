using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BoxOffice.Adapters.Aws.Cognito;

/// <summary>
/// The issuer and signing keys of a user pool for JwtBearer: the JWKS is fetched on first use, cached, refreshed
/// daily, and fetched again (at most every five minutes) when a token names a key it does not know.
/// </summary>
public static class CognitoSigningKeys
{
    public static IConfigurationManager<OpenIdConnectConfiguration> Create(string issuer, string jwksUrl, HttpClient http) =>
        new ConfigurationManager<OpenIdConnectConfiguration>(
            jwksUrl,
            new JwksConfigurationRetriever(issuer),
            new HttpDocumentRetriever(http) { RequireHttps = jwksUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) })
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(24),
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
}
