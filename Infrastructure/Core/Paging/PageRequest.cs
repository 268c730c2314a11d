namespace BoxOffice.Core.Paging;

/// <summary>A page size and the opaque cursor of the previous page (already checked by <see cref="CursorCodec"/>).</summary>
public sealed record PageRequest(int Limit, string? Cursor)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}
