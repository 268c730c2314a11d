namespace BoxOffice.Api.RateLimiting;

/// <summary>One fixed window: at most <see cref="PermitLimit"/> requests per partition in each <see cref="Window"/>.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
