namespace BoxOffice.Core.Orders;

/// <summary>An order still waiting for its tickets, as the stores' index of Pending orders lists it.</summary>
public sealed record PendingOrder(string OrderId, DateTimeOffset PlacedAt);
