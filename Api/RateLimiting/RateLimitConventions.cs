using BoxOffice.Api.OpenApi;

namespace BoxOffice.Api.RateLimiting;

public static class RateLimitConventions
{
    /// <summary>Puts the endpoint under <paramref name="policy"/> (<see cref="RateLimitPolicies"/>) and documents its 429.</summary>
    public static RouteHandlerBuilder RateLimited(this RouteHandlerBuilder builder, string policy) => builder
        .RequireRateLimiting(policy)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesHeader(StatusCodes.Status429TooManyRequests, "Retry-After", "Seconds until the caller may try again.");
}
