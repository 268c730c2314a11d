using System.Security.Claims;
using System.Text.Json;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>
/// The claims of a token API Gateway has already validated, as an authenticated user: an HTTP API JWT authorizer's
/// (<c>requestContext.authorizer.jwt.claims</c>, and its <c>scopes</c> one <c>scope</c> claim each), or a REST API
/// Cognito user pool authorizer's (<c>requestContext.authorizer.claims</c>). Null when the event carries none.
/// </summary>
internal static class AuthorizerClaims
{
    public const string JwtAuthorizer = "ApiGateway.JwtAuthorizer";
    public const string CognitoAuthorizer = "ApiGateway.CognitoAuthorizer";
    private const string ScopeClaim = "scope";

    public static ClaimsPrincipal? FromHttpApi(JsonElement? authorizer)
    {
        if (authorizer is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("jwt", out var jwt) || jwt.ValueKind != JsonValueKind.Object)
            return null;
        var scopes = jwt.TryGetProperty("scopes", out var list) && list.ValueKind == JsonValueKind.Array ? list : default;
        var claims = new List<Claim>();
        if (jwt.TryGetProperty("claims", out var map)) Add(claims, map, skip: scopes.ValueKind == JsonValueKind.Array ? ScopeClaim : null);
        if (scopes.ValueKind == JsonValueKind.Array)
        {
            foreach (var scope in scopes.EnumerateArray()) Add(claims, ScopeClaim, scope);
        }
        return Principal(claims, JwtAuthorizer);
    }

    public static ClaimsPrincipal? FromRestApi(JsonElement? authorizer)
    {
        if (authorizer is not { ValueKind: JsonValueKind.Object } value || !value.TryGetProperty("claims", out var map)) return null;
        var claims = new List<Claim>();
        Add(claims, map, skip: null);
        return Principal(claims, CognitoAuthorizer);
    }

    private static ClaimsPrincipal? Principal(List<Claim> claims, string authenticationType) =>
        claims.Count == 0 ? null : new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));

    private static void Add(List<Claim> claims, JsonElement map, string? skip)
    {
        if (map.ValueKind != JsonValueKind.Object) return;
        foreach (var claim in map.EnumerateObject())
        {
            if (claim.Name == skip) continue;
            if (claim.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in claim.Value.EnumerateArray()) Add(claims, claim.Name, item);
            }
            else
            {
                Add(claims, claim.Name, claim.Value);
            }
        }
    }

    private static void Add(List<Claim> claims, string type, JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
        if (!string.IsNullOrEmpty(text)) claims.Add(new Claim(type, text));
    }
}
