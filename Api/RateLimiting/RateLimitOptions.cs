namespace BoxOffice.Api.RateLimiting;

/// <summary>
/// Section <c>BoxOffice:RateLimits</c>: how often one caller may use the endpoints worth abusing. Counters live in
/// each process (a Lambda instance counts alone); API Gateway's stage throttling is the outer, global limit.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "BoxOffice:RateLimits";

    /// <summary>Off: no endpoint is limited (the rules are still validated).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>POST /shows/{showId}/orders</c>, per user (<c>sub</c>).</summary>
    public RateLimitRule Orders { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST /reports/sales</c>, per user (<c>sub</c>).</summary>
    public RateLimitRule Reports { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(5) };

    /// <summary><c>POST /dev/token</c> and the dev issuer's sign-in (authorize, token), per client address, all together.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };
}
