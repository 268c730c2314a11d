using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BoxOffice.Adapters.Local.Identity;
using BoxOffice.Api.Identity.SignIn;
using BoxOffice.Hosting.Composition;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Identity;

public static class IdentityApi
{
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me", GetMe)
            .RequireAuthorization()
            .WithTags("Identity").WithName("GetMe")
            .WithSummary("Who the bearer token says you are")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        // The dev issuer exists only in the local shape; on AWS, Cognito issues the tokens.
        if (app.ServiceProvider.GetRequiredService<IOptions<BoxOfficeOptions>>().Value.Shape != RuntimeShape.Local) return app;
        var dev = app.MapGroup("/dev").WithTags("Local identity");
        dev.MapPost("/token", MintToken)
            .WithName("MintDevToken")
            .WithSummary("Mint a Cognito-shaped access token (local shape only)")
            .WithDescription("Any username works; put \"admin\" in groups for admin routes. Paste the accessToken into Authorize.")
            .ProducesValidationProblem();
        dev.MapGet("/.well-known/jwks.json", (DevTokenIssuer issuer) => TypedResults.Json(issuer.KeySet()))
            .WithName("GetDevJwks")
            .WithSummary("Public signing keys of the local issuer");
        dev.MapDevSignInApi();
        return app;
    }

    private static Ok<MeResponse> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.UserId(),
        user.FindFirst(CognitoClaims.Username)?.Value ?? "",
        user.FindFirst(CognitoClaims.Email)?.Value,
        user.FindAll(CognitoClaims.Groups).Select(c => c.Value).ToArray()));

    private static Results<Ok<DevTokenResponse>, ValidationProblem> MintToken(DevTokenRequest request, DevTokenIssuer issuer)
    {
        if (request.Validate() is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var token = issuer.Mint(request.Username!, request.Groups ?? [], request.Email);
        return TypedResults.Ok(new DevTokenResponse(token.AccessToken, token.TokenType, token.ExpiresIn));
    }
}

/// <summary>The signed-in user: <c>sub</c>, username, email (when the token carries it) and groups.</summary>
public sealed record MeResponse(string Sub, string Username, string? Email, string[] Groups);

public sealed record DevTokenResponse(string AccessToken, string TokenType, int ExpiresIn);

/// <summary>Who the dev token is for.</summary>
public sealed record DevTokenRequest(
    [property: Required, StringLength(128, MinimumLength = 1)] string? Username,
    string[]? Groups,
    [property: EmailAddress] string? Email)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Username) || Username.Length > 128 || Username.Any(char.IsControl))
            errors["username"] = ["Required: 1 to 128 printable characters."];
        if (Groups is { } groups && (groups.Length > 20 || groups.Any(g => string.IsNullOrWhiteSpace(g) || g.Length > 64)))
            errors["groups"] = ["At most 20 groups of 1 to 64 characters."];
        if (Email is { } email && (email.Length > 254 || !email.Contains('@', StringComparison.Ordinal)))
            errors["email"] = ["Not an email address."];
        return errors;
    }
}
