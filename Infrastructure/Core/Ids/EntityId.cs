namespace BoxOffice.Core.Ids;

/// <summary>
/// The ids of shows, orders and reports: issued by Box office, never chosen by clients. Anything else names nothing,
/// so it is answered as not found before any store sees it (and can never exceed a store's key limits).
/// </summary>
public static class EntityId
{
    public const int MaxLength = 64;

    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>1 to <see cref="MaxLength"/> ASCII letters, digits, '-' or '_': every id <see cref="New"/> issues, with room for forks' own.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > MaxLength) return false;
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_') return false;
        }
        return true;
    }
}
