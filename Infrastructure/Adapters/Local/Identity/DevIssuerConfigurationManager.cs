using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BoxOffice.Adapters.Local.Identity;

/// <summary>Hands JwtBearer the dev issuer's name and public key: the local twin of fetching a user pool's JWKS.</summary>
internal sealed class DevIssuerConfigurationManager(DevTokenIssuer issuer) : IConfigurationManager<OpenIdConnectConfiguration>
{
    private readonly Lazy<OpenIdConnectConfiguration> _configuration = new(() =>
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = issuer.Issuer };
        configuration.SigningKeys.Add(new RsaSecurityKey(issuer.SigningKey.Rsa.ExportParameters(false)) { KeyId = issuer.SigningKey.KeyId });
        return configuration;
    });

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => Task.FromResult(_configuration.Value);

    public void RequestRefresh()
    {
    }
}
