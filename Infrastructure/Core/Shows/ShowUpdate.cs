namespace BoxOffice.Core.Shows;

public enum ShowUpdateOutcome
{
    Updated,
    NotFound,
    /// <summary>The caller's expected version is stale (HTTP 412).</summary>
    VersionMismatch,
    /// <summary>The new capacity is below the seats already sold, or the show is cancelled (HTTP 409).</summary>
    Conflict,
}

public sealed record ShowUpdate(ShowUpdateOutcome Outcome, Show? Show)
{
    public static ShowUpdate Of(ShowUpdateOutcome outcome, Show? show = null) => new(outcome, show);
}
