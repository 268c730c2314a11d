namespace BoxOffice.Core.Identity;

/// <summary>
/// Section <c>BoxOffice:Identity</c>: what an access token must carry. The same validation serves the local dev
/// issuer and a Cognito user pool; in the AWS shape the issuer and JWKS address default from the pool.
/// </summary>
public sealed class IdentityOptions
{
    public const string Section = "BoxOffice:Identity";

    /// <summary>Expected <c>iss</c>. Local default: <c>boxoffice-local</c>; AWS: <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected <c>client_id</c> (Cognito app client id).</summary>
    public string ClientId { get; set; } = "boxoffice-local-client";

    /// <summary>Where the signing keys are published; AWS default: <c>{Issuer}/.well-known/jwks.json</c>. Override for emulators.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>The <c>cognito:groups</c> value that makes a user an admin.</summary>
    public string AdminGroup { get; set; } = "admin";

    /// <summary>Lifetime of tokens minted by <c>POST /dev/token</c> (local shape only).</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
