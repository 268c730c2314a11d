using System.Security.Claims;
using BoxOffice.Adapters.Local.Identity;
using BoxOffice.Api.Identity.SignIn;
using BoxOffice.Api.RateLimiting;
using BoxOffice.Hosting.Composition;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using BoxOffice.Api.Json;

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
            .RateLimited(RateLimitPolicies.SignIn)
            .WithName("MintDevToken")
            .WithSummary("Mint a Cognito-shaped access token (local shape only)")
            .WithDescription("Any username works; put \"admin\" in groups for admin routes. Paste the accessToken into Authorize.")
            .ProducesValidationProblem();
        dev.MapGet("/.well-known/jwks.json", (HttpContext http, DevTokenIssuer issuer) => ApiJsonResults.Json(http, JsonWebKeySetResponse.Of(issuer.SigningKey)))
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

    private static Ok<DevTokenResponse> MintToken(DevTokenRequest request, DevTokenIssuer issuer)
    {
        var token = issuer.Mint(request.Username!, request.Groups ?? [], request.Email);
        return TypedResults.Ok(new DevTokenResponse(token.AccessToken, token.TokenType, token.ExpiresIn));
    }
}

/// <summary>The signed-in user: <c>sub</c>, username, email (when the token carries it) and groups.</summary>
public sealed record MeResponse(string Sub, string Username, string? Email, string[] Groups);

public sealed record DevTokenResponse(string AccessToken, string TokenType, int ExpiresIn);
