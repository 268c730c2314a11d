using System.Security.Claims;

namespace BoxOffice.Api.Identity;

/// <summary>Claim names of a Cognito access token (the dev issuer mints the same).</summary>
public static class CognitoClaims
{
    public const string Subject = "sub";
    public const string Username = "username";
    public const string Groups = "cognito:groups";
    public const string TokenUse = "token_use";
    public const string ClientId = "client_id";
    public const string Email = "email";

    /// <summary>The caller's stable id (<c>sub</c>); only called behind RequireAuthorization.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirst(Subject)?.Value ?? throw new InvalidOperationException("Authenticated user without a subject.");
}
