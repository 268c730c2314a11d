using System.Globalization;
using System.Threading.RateLimiting;
using BoxOffice.Api.Identity;
using BoxOffice.Api.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter with the policies of <see cref="RateLimitPolicies"/>: fixed windows from
/// <see cref="RateLimitOptions"/>, no queueing, and a refusal as a 429 problem with <c>Retry-After</c> in seconds.
/// </summary>
public static class RateLimitSetup
{
    public const string RejectedTitle = "Too many requests";

    public static IServiceCollection AddBoxOfficeRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RateLimitOptions.Section);
        // Checked while the app is composed, so a rule that cannot work stops the start before anything listens.
        new RateLimitOptionsValidator().ThrowIfInvalid(section.Get<RateLimitOptions>() ?? new RateLimitOptions());
        services.AddOptions<RateLimitOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicies.Orders, http => Partition(http, o => o.Orders, PerUser(http)));
            limiter.AddPolicy(RateLimitPolicies.Reports, http => Partition(http, o => o.Reports, PerUser(http)));
            limiter.AddPolicy(RateLimitPolicies.SignIn, http => Partition(http, o => o.SignIn, ClientAddress.PartitionKey(http.Connection.RemoteIpAddress)));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    // These endpoints require a signed-in user, and authorization runs before the limiter; the address is a fallback.
    private static string PerUser(HttpContext http) =>
        http.User.FindFirst(CognitoClaims.Subject)?.Value is { Length: > 0 } sub ? "user:" + sub : ClientAddress.PartitionKey(http.Connection.RemoteIpAddress);

    private static RateLimitPartition<string> Partition(HttpContext http, Func<RateLimitOptions, RateLimitRule> rule, string key)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (!options.Enabled) return RateLimitPartition.GetNoLimiter(key);
        var chosen = rule(options);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = chosen.PermitLimit,
            Window = chosen.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problem.Of(StatusCodes.Status429TooManyRequests, RejectedTitle,
            $"Too many requests of this kind in a short time. Retry after {seconds} seconds (Retry-After).").ExecuteAsync(http);
    }
}
