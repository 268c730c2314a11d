using Microsoft.IdentityModel.Tokens;

namespace BoxOffice.Api.Identity;

/// <summary>A JWKS document (RFC 7517) of RSA public keys, with the members a Cognito user pool's JWKS carries.</summary>
public sealed record JsonWebKeySetResponse(IReadOnlyList<RsaPublicJsonWebKey> Keys)
{
    /// <summary>The public half of <paramref name="key"/>, for verifying RS256 signatures.</summary>
    public static JsonWebKeySetResponse Of(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new([new("RSA", "sig", SecurityAlgorithms.RsaSha256, key.KeyId, Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent))]);
    }
}

/// <summary>One RSA public key.</summary>
public sealed record RsaPublicJsonWebKey(string Kty, string Use, string Alg, string Kid, string N, string E);
