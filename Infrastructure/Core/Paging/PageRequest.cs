namespace BoxOffice.Core.Paging;

/// <summary>A page size and the opaque cursor of the previous page (already checked by <see cref="CursorCodec"/>).</summary>
public sealed record PageRequest(int Limit, string? Cursor)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    /// <summary>Longer than any cursor <see cref="CursorCodec"/> issues; a longer one is refused unread.</summary>
    public const int MaxCursorLength = 2048;
}
