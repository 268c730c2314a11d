namespace BoxOffice.Core.Orders;

/// <summary>Remembers which order a client's <c>Idempotency-Key</c> produced, and a hash of the request that did.</summary>
public sealed record IdempotencyRecord(string UserId, string Key, string RequestHash, string OrderId, DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// From <see cref="ExpiresAt"/> on (inclusive) the key is forgotten: reads no longer return the record and a new
    /// request with the same key takes it over. Stores write their conditional put as <c>ExpiresAt &lt;= now</c>.
    /// </summary>
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;
}
