namespace BoxOffice.Core.Orders;

/// <summary>Remembers which order a client's <c>Idempotency-Key</c> produced, and a hash of the request that did.</summary>
public sealed record IdempotencyRecord(string UserId, string Key, string RequestHash, string OrderId, DateTimeOffset ExpiresAt);
