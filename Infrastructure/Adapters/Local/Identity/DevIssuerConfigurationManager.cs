using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BoxOffice.Adapters.Local.Identity;

/// <summary>Hands JwtBearer the dev issuer's name and public key: the local twin of fetching a user pool's JWKS.</summary>
internal sealed class DevIssuerConfigurationManager(DevTokenIssuer issuer) : IConfigurationManager<OpenIdConnectConfiguration>
{
    private readonly Lazy<OpenIdConnectConfiguration> _configuration = new(() =>
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = issuer.Issuer };
        foreach (var key in issuer.KeySet().GetSigningKeys()) configuration.SigningKeys.Add(key);
        return configuration;
    });

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => Task.FromResult(_configuration.Value);

    public void RequestRefresh()
    {
    }
}
