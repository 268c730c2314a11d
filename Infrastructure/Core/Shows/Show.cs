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
    public PosterStatus PosterStatus { get; init; } = PosterStatus.None;
    /// <summary>Storage key of the published poster, or of the upload being inspected.</summary>
    public string? PosterKey { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public int SeatsSold => Capacity - SeatsAvailable;
}
