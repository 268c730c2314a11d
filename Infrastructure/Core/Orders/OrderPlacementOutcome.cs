namespace BoxOffice.Core.Orders;

/// <summary>
/// How placing an order ended. <see cref="IOrderStore.PlaceAsync"/> answers with one of the first six;
/// <see cref="OrderPlacement"/> turns <see cref="PriceChanged"/> into a second try and <see cref="KeyExists"/> into
/// <see cref="Replayed"/>, <see cref="KeyReused"/> or <see cref="KeyInFlight"/>.
/// </summary>
public enum OrderPlacementOutcome
{
    Placed,
    ShowNotFound,
    /// <summary>Off sale, cancelled or already started.</summary>
    NotOnSale,
    SeatsShort,
    /// <summary>The show's price is no longer the order's unit price; nothing was taken.</summary>
    PriceChanged,
    /// <summary>The idempotency key has a live record; <see cref="OrderPlacementResult.Existing"/> holds it when it could be read.</summary>
    KeyExists,
    /// <summary>Same idempotency key and request as before: the first order is returned.</summary>
    Replayed,
    /// <summary>Same idempotency key, different request.</summary>
    KeyReused,
    /// <summary>Same key is being used by a request that has not finished.</summary>
    KeyInFlight,
    /// <summary>The order could not be queued and was rolled back, or the price kept moving.</summary>
    Unavailable,
}
