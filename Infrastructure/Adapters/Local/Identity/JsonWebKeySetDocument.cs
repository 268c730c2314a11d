namespace BoxOffice.Adapters.Local.Identity;

/// <summary>A JWKS document (RFC 7517) of RSA public keys, as plain data so it serializes without reflection.</summary>
public sealed record JsonWebKeySetDocument(IReadOnlyList<RsaPublicJsonWebKey> Keys);

/// <summary>One RSA public key: the JWK members Cognito's JWKS carries.</summary>
public sealed record RsaPublicJsonWebKey(string Kty, string Use, string Alg, string Kid, string N, string E);
