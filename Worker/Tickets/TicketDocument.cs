namespace BoxOffice.Worker.Tickets;

/// <summary>What a ticket document shows: one page per code in <see cref="Codes"/>.</summary>
public sealed record TicketDocument(
    string ShowTitle,
    string Venue,
    DateTimeOffset StartsAt,
    string OrderId,
    string Buyer,
    IReadOnlyList<string> Codes);
