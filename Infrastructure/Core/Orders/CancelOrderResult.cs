namespace BoxOffice.Core.Orders;

/// <summary>The outcome and the order as it is now (null when not found).</summary>
public sealed record CancelOrderResult(CancelOrderOutcome Outcome, Order? Order = null);
