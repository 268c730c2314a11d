using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Net.Http.Headers;

namespace BoxOffice.Api.Identity;

/// <summary>
/// ASP.NET Core's authentication service, but a request without an <c>Authorization</c> header is answered "no result"
/// for the bearer scheme at once: that is what the JwtBearer handler answers it, after it has been created and
/// initialized for the request (it reads a token from that header only: the Api sets no <c>OnMessageReceived</c>).
/// Every public listing is such a request. Challenges, forbids, sign-ins and requests with a header go to the
/// framework's service, created only then.
/// </summary>
internal sealed class BearerTokenAuthenticationService(IServiceProvider services, ObjectFactory framework) : IAuthenticationService
{
    private static readonly Task<AuthenticateResult> NoResult = Task.FromResult(AuthenticateResult.NoResult());
    private IAuthenticationService? _framework;

    private IAuthenticationService Framework => _framework ??= (IAuthenticationService)framework(services, null);

    public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) =>
        scheme == JwtBearerDefaults.AuthenticationScheme && !context.Request.Headers.ContainsKey(HeaderNames.Authorization)
            ? NoResult
            : Framework.AuthenticateAsync(context, scheme);

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Framework.ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Framework.ForbidAsync(context, scheme, properties);

    public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) =>
        Framework.SignInAsync(context, scheme, principal, properties);

    public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Framework.SignOutAsync(context, scheme, properties);

    /// <summary>Puts this service in front of the framework's one (registered by <c>AddAuthentication</c>).</summary>
    public static void Replace(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IAuthenticationService));
        var framework = Factory(registered.ImplementationType ?? throw new InvalidOperationException("The authentication service is not registered by type."));
        services.Remove(registered);
        services.AddScoped<IAuthenticationService>(provider => new BearerTokenAuthenticationService(provider, framework));
    }

    private static ObjectFactory Factory([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type type) =>
        ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
}
