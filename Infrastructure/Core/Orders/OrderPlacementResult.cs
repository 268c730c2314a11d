namespace BoxOffice.Core.Orders;

public enum OrderPlacementOutcome
{
    Placed,
    /// <summary>Same idempotency key and request as before: the first order is returned.</summary>
    Replayed,
    ShowNotFound,
    NotOnSale,
    SeatsShort,
    /// <summary>Same idempotency key, different request.</summary>
    KeyReused,
    /// <summary>Same key is being used by a request that has not finished.</summary>
    KeyInFlight,
    /// <summary>The order could not be queued and was rolled back.</summary>
    Unavailable,
}

public sealed record OrderPlacementResult(OrderPlacementOutcome Outcome, Order? Order = null)
{
    public static OrderPlacementResult Of(OrderPlacementOutcome outcome) => new(outcome);
}
