namespace BoxOffice.Shows;

/// <summary>An admin edit: only the non-null fields change. Capacity moves the available seats by the same delta.</summary>
public sealed record ShowChanges
{
    public string? Title { get; init; }
    public string? Venue { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    public int? Capacity { get; init; }
    public decimal? Price { get; init; }
    /// <summary>OnSale or OffSale; cancelling goes through <see cref="IShowStore.CancelAsync"/>.</summary>
    public ShowStatus? Status { get; init; }
}
