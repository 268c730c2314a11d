namespace BoxOffice.Adapters.Aws.Cognito;

/// <summary>Where a Cognito user pool's tokens come from and where it publishes its signing keys.</summary>
internal static class CognitoUserPool
{
    /// <summary>The <c>iss</c> of the pool's tokens.</summary>
    public static string Issuer(string region, string userPoolId) => $"https://cognito-idp.{region}.amazonaws.com/{userPoolId}";

    /// <summary>The pool's JWKS document, next to its issuer.</summary>
    public static string JwksUrl(string issuer) => issuer.TrimEnd('/') + "/.well-known/jwks.json";
}
