using BoxOffice.Core.Posters;

namespace BoxOffice.Core.Shows;

/// <summary>A performance that sells seats. <see cref="Version"/> changes on every admin edit and backs the ETag.</summary>
public sealed record Show
{
    public required string ShowId { get; init; }
    public required string Title { get; init; }
    public required string Venue { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required int Capacity { get; init; }
    public required int SeatsAvailable { get; init; }
    public required decimal Price { get; init; }
    public required ShowStatus Status { get; init; }
    public Poster Poster { get; init; } = Poster.None;
    public required long Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public int SeatsSold => Capacity - SeatsAvailable;

    /// <summary>Taking orders: on sale and not started. The on-sale lists and the reservation conditions of the stores filter by the same test.</summary>
    public bool IsOnSaleAt(DateTimeOffset now) => Status == ShowStatus.OnSale && StartsAt > now;

    /// <summary>A cancelled show sells nothing more, so a cancelled order gives its seats back only to a show that is not cancelled.</summary>
    public bool TakesSeatsBack => Status != ShowStatus.Cancelled;

    /// <summary>
    /// How many of a cancelled order's <paramref name="quantity"/> seats go back on sale: all of them, but never more
    /// than were sold, so the available seats never exceed the capacity (a release repeated by mistake cannot make
    /// seats that would then be sold twice).
    /// </summary>
    public int SeatsReturnedBy(int quantity) => Math.Clamp(SeatsSold, 0, quantity);
}
