using System.Security.Cryptography;
using System.Text;
using BoxOffice.Core.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BoxOffice.Adapters.Local.Identity;

/// <summary>
/// The local shape's identity provider: mints RS256 access tokens with the claims a Cognito access token carries,
/// signed by a key kept in the data folder, so the ordinary JwtBearer validation accepts them.
/// </summary>
public sealed class DevTokenIssuer
{
    public const string DefaultIssuer = "boxoffice-local";
    private readonly IdentityOptions _options;
    private readonly TimeProvider _clock;

    public DevTokenIssuer(LocalDataFolder folder, IOptions<IdentityOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(folder.Secret("dev-issuer-rsa", CreateKey), out _);
        SigningKey = new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] };
    }

    public string Issuer => _options.Issuer ?? DefaultIssuer;

    public RsaSecurityKey SigningKey { get; }

    public DevToken Mint(string username, IReadOnlyList<string> groups, string? email)
    {
        var now = _clock.GetUtcNow();
        var expires = now + _options.DevTokenLifetime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = SubjectOf(username),
            ["username"] = username,
            ["cognito:groups"] = groups.ToArray(),
            ["token_use"] = "access",
            ["client_id"] = _options.ClientId,
            ["scope"] = "aws.cognito.signin.user.admin",
            ["auth_time"] = now.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        if (email is not null) claims["email"] = email;
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
        return new DevToken(token, (int)_options.DevTokenLifetime.TotalSeconds);
    }

    /// <summary>A stable, opaque subject per username, as Cognito gives each user one UUID.</summary>
    public static string SubjectOf(string username) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("boxoffice-dev-user:" + username))[..16]).ToString();

    private static byte[] CreateKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKey();
    }
}

public sealed record DevToken(string AccessToken, int ExpiresIn)
{
    public string TokenType => "Bearer";
}
