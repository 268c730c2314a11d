using Microsoft.AspNetCore.Http.HttpResults;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using BoxOffice.Adapters.Local.Identity;
using BoxOffice.Api.Problems;
using BoxOffice.Api.RateLimiting;
using BoxOffice.Api.Site;
using BoxOffice.Core.Identity;
using Microsoft.Extensions.Validation;
using Microsoft.Extensions.Options;
using BoxOffice.Api.Json;

namespace BoxOffice.Api.Identity.SignIn;

/// <summary>
/// The dev issuer's browser sign-in, shaped like Cognito's managed login so the site runs one code path in both
/// shapes: <c>GET|POST /dev/oauth2/authorize</c> (authorization code with PKCE S256), <c>POST /dev/oauth2/token</c>
/// (code and refresh grants) and <c>GET /dev/logout</c>. Local shape only; tokens are the same as <c>POST /dev/token</c>'s.
/// </summary>
public static class DevSignInApi
{
    public const string SessionCookie = "boxoffice-dev-session";

    public static RouteGroupBuilder MapDevSignInApi(this RouteGroupBuilder dev)
    {
        dev.MapGet("/oauth2/authorize", Authorize).WithName("DevAuthorize").WithSummary("Sign-in page (OAuth 2.0 authorization code + PKCE)")
            .RateLimited(RateLimitPolicies.SignIn);
        dev.MapPost("/oauth2/authorize", SignIn).WithName("DevSignIn").WithSummary("Submit the sign-in page").DisableAntiforgery()
            .RateLimited(RateLimitPolicies.SignIn);
        dev.MapPost("/oauth2/token", Token).WithName("DevOAuthToken")
            .WithSummary("Exchange a code (with its PKCE verifier) or a refresh token for tokens").DisableAntiforgery()
            .RateLimited(RateLimitPolicies.SignIn);
        dev.MapGet("/logout", Logout).WithName("DevLogout").WithSummary("End the sign-in session and return to the site");
        return dev;
    }

    private static IResult Authorize(HttpContext http, DevSignInGrants grants, IOptions<IdentityOptions> identity)
    {
        var request = AuthorizeRequest.From(name => http.Request.Query[name]);
        if (Refuse(http, request, identity.Value) is { } refused) return refused;
        if (request.Prompt != "login" && grants.Session(http.Request.Cookies[SessionCookie]) is { } user)
            return Redirect(request, ("code", IssueCode(grants, request, user)));
        return Page(http, DevSignInPage.Form(request, identity.Value.AdminGroup, null, null), StatusCodes.Status200OK);
    }

    private static async Task<IResult> SignIn(HttpContext http, DevSignInGrants grants, IOptions<IdentityOptions> identity)
    {
        if (await SignInForm.ReadAsync(http.Request, http.RequestAborted) is not { } form)
            return Problem.Of(StatusCodes.Status400BadRequest, "Bad request", "The form could not be read.");
        var request = AuthorizeRequest.From(name => form[name]);
        if (Refuse(http, request, identity.Value) is { } refused) return refused;

        var username = form["username"].ToString().Trim();
        var groups = form["groups"].Where(g => !string.IsNullOrEmpty(g)).Select(g => g!).Distinct(StringComparer.Ordinal).ToArray();
        // The rules of POST /dev/token, from its request type's annotations.
        var candidate = new DevTokenRequest(username, groups, null);
        // The validator AddValidation generates is the one way to run a type's rules without reflection (Native AOT);
        // running it outside binding is still marked as an evaluation API in .NET 10.
#pragma warning disable ASP0029
        var validation = http.RequestServices.GetRequiredService<IOptions<ValidationOptions>>().Value;
        if (!validation.TryGetValidatableTypeInfo(typeof(DevTokenRequest), out var rules))
            throw new InvalidOperationException($"No validation rules were generated for {nameof(DevTokenRequest)}.");
        var check = new ValidateContext
        {
            ValidationOptions = validation,
            ValidationContext = new ValidationContext(candidate, nameof(DevTokenRequest), http.RequestServices, items: null),
        };
        await rules.ValidateAsync(candidate, check, http.RequestAborted);
#pragma warning restore ASP0029
        if (check.ValidationErrors is { Count: > 0 } errors)
        {
            var message = string.Join(" ", errors.SelectMany(e => e.Value.Select(m => (e.Key.Length > 0 ? $"{e.Key}: " : "") + m)));
            return Page(http, DevSignInPage.Form(request, identity.Value.AdminGroup, username, message), StatusCodes.Status400BadRequest);
        }

        var user = new DevSignInUser(username, groups);
        http.Response.Cookies.Append(SessionCookie, grants.StartSession(user), new CookieOptions
        {
            Path = "/dev", HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = DevSignInGrants.SessionLifetime,
        });
        return Redirect(request, ("code", IssueCode(grants, request, user)));
    }

    private static async Task<IResult> Token(HttpContext http, DevSignInGrants grants, DevTokenIssuer issuer, IOptions<IdentityOptions> identity)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType)
            return TokenError("invalid_request", "Send the parameters as application/x-www-form-urlencoded.");
        if (await SignInForm.ReadAsync(http.Request, http.RequestAborted) is not { } form)
            return TokenError("invalid_request", "The form could not be read.");
        if (form["client_id"] != identity.Value.ClientId) return TokenError("invalid_client", "Unknown client_id.");

        DevSignInUser user;
        string? refreshToken = null;
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                if (string.IsNullOrEmpty(form["code"]) || string.IsNullOrEmpty(form["redirect_uri"]) || string.IsNullOrEmpty(form["code_verifier"]))
                    return TokenError("invalid_request", "code, redirect_uri and code_verifier are required.");
                if (grants.RedeemCode(form["code"]!) is not { } grant) return TokenError("invalid_grant", "The code is unknown, used or expired.");
                if (grant.ClientId != form["client_id"] || grant.RedirectUri != form["redirect_uri"])
                    return TokenError("invalid_grant", "client_id or redirect_uri differ from the authorization request.");
                if (!Pkce.Matches(form["code_verifier"]!, grant.CodeChallenge))
                    return TokenError("invalid_grant", "code_verifier does not match the code_challenge.");
                user = grant.User;
                refreshToken = grants.IssueRefreshToken(user);
                break;
            case "refresh_token":
                if (string.IsNullOrEmpty(form["refresh_token"])) return TokenError("invalid_request", "refresh_token is required.");
                if (grants.Refresh(form["refresh_token"]!) is not { } known) return TokenError("invalid_grant", "The refresh token is unknown or expired.");
                user = known;
                break;
            default:
                return TokenError("unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
        }

        var token = issuer.Mint(user.Username, user.Groups, null);
        return ApiJsonResults.Json(http, new OAuthTokenResponse(token.AccessToken, refreshToken, token.TokenType, token.ExpiresIn));
    }

    private static IResult Logout(HttpContext http, DevSignInGrants grants, IOptions<IdentityOptions> identity)
    {
        if (http.Request.Query["client_id"] != identity.Value.ClientId)
            return Page(http, DevSignInPage.Refusal("Unknown client_id."), StatusCodes.Status400BadRequest);
        var target = SiteOrigin.SignedOutUri(http);
        if (http.Request.Query["logout_uri"] != target)
            return Page(http, DevSignInPage.Refusal($"logout_uri must be {target}."), StatusCodes.Status400BadRequest);
        grants.EndSession(http.Request.Cookies[SessionCookie]);
        http.Response.Cookies.Delete(SessionCookie, new CookieOptions { Path = "/dev" });
        return Results.Redirect(target);
    }

    private static IResult? Refuse(HttpContext http, AuthorizeRequest request, IdentityOptions identity)
    {
        if (request.ClientError(identity.ClientId, SiteOrigin.CallbackUri(http)) is { } error)
            return Page(http, DevSignInPage.Refusal(error), StatusCodes.Status400BadRequest);
        if (request.ProtocolError() is { } protocol)
            return Redirect(request, ("error", protocol.Code), ("error_description", protocol.Description));
        return null;
    }

    private static string IssueCode(DevSignInGrants grants, AuthorizeRequest request, DevSignInUser user) =>
        grants.IssueCode(new AuthorizationCode(user, request.ClientId!, request.RedirectUri!, request.CodeChallenge!));

    private static IResult Redirect(AuthorizeRequest request, params (string Name, string Value)[] parameters)
    {
        var query = parameters.ToList();
        if (request.State is not null) query.Add(("state", request.State));
        var url = request.RedirectUri + "?" + string.Join("&", query.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        return Results.Redirect(url);
    }

    private static IResult Page(HttpContext http, string html, int status)
    {
        http.Response.Headers.ContentSecurityPolicy = DevSignInPage.ContentSecurityPolicy(SiteOrigin.Of(http));
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>An RFC 6749 (5.2) error, carried in a problem details body: <c>error</c> and <c>error_description</c> as OAuth clients read them.</summary>
    private static ProblemHttpResult TokenError(string error, string description) => TypedResults.Problem(
        description, statusCode: StatusCodes.Status400BadRequest, title: "Token request refused",
        extensions: new Dictionary<string, object?> { ["error"] = error, ["error_description"] = description });
}

/// <summary>The token endpoint's answer, named as OAuth (and Cognito) name them.</summary>
public sealed record OAuthTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
