namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>
/// How the DynamoDB adapters retry a write that met a transaction in flight on the same item (the SDK retries
/// throttling and 5xx itself, but not conflicts): a few attempts, each after a random wait of up to 25 ms x 2^attempt
/// (full jitter, so competing writers spread out), capped at 1 s. The waits of all attempts stay under 1.6 s, well
/// inside a request's time; after the last one the conflict surfaces as a transient failure (503 on the Api,
/// redelivery in the Worker).
/// </summary>
internal static class ConflictBackoff
{
    public const int MaxAttempts = 6;
    private const double BaseMs = 25;
    private const double CapMs = 1000;

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan After(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(CapMs, BaseMs * Math.Pow(2, attempt)));
}
