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
}
