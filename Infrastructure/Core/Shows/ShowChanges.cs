namespace BoxOffice.Core.Shows;

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

    /// <summary>Why this edit cannot apply to <paramref name="current"/> at <paramref name="expectedVersion"/>; null when it can.</summary>
    public ShowUpdate? RefusalFor(Show? current, long expectedVersion)
    {
        if (current is null) return ShowUpdate.Of(ShowUpdateOutcome.NotFound);
        if (current.Version != expectedVersion) return ShowUpdate.Of(ShowUpdateOutcome.VersionMismatch, current);
        if (current.Status == ShowStatus.Cancelled || current.SeatsAvailable + CapacityDelta(current) < 0)
            return ShowUpdate.Of(ShowUpdateOutcome.Conflict, current);
        return null;
    }

    /// <summary>How far the capacity, and with it the available seats, moves.</summary>
    public int CapacityDelta(Show current) => (Capacity ?? current.Capacity) - current.Capacity;

    /// <summary>The show after this edit: the next version, seats moved by the capacity delta.</summary>
    public Show ApplyTo(Show current, DateTimeOffset now) => current with
    {
        Title = Title ?? current.Title,
        Venue = Venue ?? current.Venue,
        StartsAt = StartsAt ?? current.StartsAt,
        Price = Price ?? current.Price,
        Status = Status ?? current.Status,
        Capacity = current.Capacity + CapacityDelta(current),
        SeatsAvailable = current.SeatsAvailable + CapacityDelta(current),
        Version = current.Version + 1,
        UpdatedAt = now,
    };
}
