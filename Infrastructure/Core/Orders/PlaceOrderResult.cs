namespace BoxOffice.Core.Orders;

public enum PlaceOrderOutcome
{
    Placed,
    ShowNotFound,
    NotOnSale,
    SeatsShort,
    /// <summary>The show's price is no longer the order's unit price; nothing was taken.</summary>
    PriceChanged,
    /// <summary>The idempotency key already has a record; <see cref="PlaceOrderResult.Existing"/> holds it.</summary>
    KeyExists,
}

public sealed record PlaceOrderResult(PlaceOrderOutcome Outcome, Order? Order = null, IdempotencyRecord? Existing = null);
