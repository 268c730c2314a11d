using BoxOffice.Core.Shows;

namespace BoxOffice.Core.Orders;

public sealed record Order
{
    public required string OrderId { get; init; }
    public required string ShowId { get; init; }
    /// <summary>The buyer's <c>sub</c>.</summary>
    public required string UserId { get; init; }
    /// <summary>The buyer's username when the order was placed, printed on the tickets.</summary>
    public string? HolderName { get; init; }
    public required int Quantity { get; init; }
    public required decimal UnitPrice { get; init; }
    public required OrderStatus Status { get; init; }
    public IReadOnlyList<string> TicketCodes { get; init; } = [];
    /// <summary>Storage key of the ticket document once confirmed.</summary>
    public string? DocumentKey { get; init; }
    public string? CancelReason { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public decimal Total => UnitPrice * Quantity;

    /// <summary>
    /// Why this order cannot take its seats from <paramref name="show"/> at <paramref name="now"/>; null when it can.
    /// The stores write the same rule as the condition of their atomic reservation, and ask this method which part
    /// failed when the reservation is refused.
    /// </summary>
    public OrderPlacementOutcome? RefusalFor(Show? show, DateTimeOffset now) => show switch
    {
        null => OrderPlacementOutcome.ShowNotFound,
        _ when !show.IsOnSaleAt(now) => OrderPlacementOutcome.NotOnSale,
        _ when show.Price != UnitPrice => OrderPlacementOutcome.PriceChanged,
        _ when show.SeatsAvailable < Quantity => OrderPlacementOutcome.SeatsShort,
        _ => null,
    };

    /// <summary>Why the buyer can no longer cancel this order on <paramref name="show"/>; null when they can: up to the start.</summary>
    public CancelOrderOutcome? CancellationRefusalFor(Show? show, DateTimeOffset now) =>
        show is not null && show.StartsAt <= now ? CancelOrderOutcome.ShowStarted : null;
}
