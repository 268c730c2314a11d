using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BoxOffice.Adapters.Aws.Cognito;

/// <summary>
/// Reads a JWKS document (not an OpenID discovery document) into the configuration JwtBearer validates with: the
/// pool's issuer and its signing keys. Used by a <see cref="ConfigurationManager{T}"/>, which caches and refreshes it.
/// </summary>
internal sealed class JwksConfigurationRetriever(string issuer) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var document = await retriever.GetDocumentAsync(address, cancel);
        var keys = new JsonWebKeySet(document);
        var configuration = new OpenIdConnectConfiguration { Issuer = issuer, JwksUri = address, JsonWebKeySet = keys };
        // Tokens are checked against the key their kid names only, so a key without a kid could verify nothing.
        foreach (var key in keys.GetSigningKeys().Where(key => !string.IsNullOrEmpty(key.KeyId))) configuration.SigningKeys.Add(key);
        if (configuration.SigningKeys.Count == 0)
            throw new InvalidOperationException($"The JWKS document at {address} holds no signing keys with a kid.");
        return configuration;
    }
}
