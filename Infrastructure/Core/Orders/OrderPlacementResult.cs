namespace BoxOffice.Core.Orders;

/// <summary>The outcome, the order when there is one, and the idempotency record a repeated key ran into.</summary>
public sealed record OrderPlacementResult(OrderPlacementOutcome Outcome, Order? Order = null, IdempotencyRecord? Existing = null)
{
    public static OrderPlacementResult Of(OrderPlacementOutcome outcome) => new(outcome);
}
