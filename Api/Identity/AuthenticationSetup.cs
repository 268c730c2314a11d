using BoxOffice.Core.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BoxOffice.Api.Identity;

public static class AuthenticationSetup
{
    public const string AdminPolicy = "admin";

    /// <summary>
    /// JwtBearer for Cognito-shaped access tokens: issuer and signing keys come from the shape's configuration manager
    /// (dev issuer locally, the user pool's JWKS on AWS), the signing key is the one the token's <c>kid</c> names;
    /// <c>token_use</c> must be <c>access</c> and <c>client_id</c> ours;
    /// roles are the <c>cognito:groups</c> claim.
    /// </summary>
    public static IServiceCollection AddBoxOfficeAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        BearerTokenAuthenticationService.Replace(services);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<IdentityOptions>, IConfigurationManager<OpenIdConnectConfiguration>>((jwt, identity, keys) =>
            {
                jwt.ConfigurationManager = keys;
                jwt.MapInboundClaims = false;
                jwt.RequireHttpsMetadata = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidateAudience = false, // Cognito access tokens carry client_id, not aud: checked below
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ValidateIssuerSigningKey = true,
                    // Only the key the token's kid names: a token naming an unknown kid, or none, is refused, not
                    // tried against every key of the set (each key of both shapes' sets has a kid).
                    TryAllIssuerSigningKeys = false,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = CognitoClaims.Username,
                    RoleClaimType = CognitoClaims.Groups,
                };
                jwt.Events = new JwtBearerEvents { OnTokenValidated = ctx => CheckAccessToken(ctx, identity.Value.ClientId) };
            });
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireAssertion(ctx =>
            ctx.User.IsInRole(ctx.Resource is HttpContext http ? http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.AdminGroup : "admin")));
        return services;
    }

    private static Task CheckAccessToken(TokenValidatedContext ctx, string clientId)
    {
        var principal = ctx.Principal!;
        if (principal.FindFirst(CognitoClaims.TokenUse)?.Value != "access") ctx.Fail("The token is not an access token.");
        else if (principal.FindFirst(CognitoClaims.ClientId)?.Value != clientId) ctx.Fail("The token was issued to another client.");
        else if (string.IsNullOrEmpty(principal.FindFirst(CognitoClaims.Subject)?.Value)) ctx.Fail("The token has no subject.");
        return Task.CompletedTask;
    }
}
