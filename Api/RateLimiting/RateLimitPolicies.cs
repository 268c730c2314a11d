namespace BoxOffice.Api.RateLimiting;

/// <summary>The rate limiting policies endpoints name in <c>RequireRateLimiting</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>Placing orders, per user.</summary>
    public const string Orders = "orders";

    /// <summary>Requesting reports, per user.</summary>
    public const string Reports = "reports";

    /// <summary>Minting tokens and signing in (local dev issuer), per client address.</summary>
    public const string SignIn = "sign-in";
}
