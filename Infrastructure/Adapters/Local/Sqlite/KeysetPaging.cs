using System.Globalization;
using BoxOffice.Core.Paging;

namespace BoxOffice.Adapters.Local.Sqlite;

/// <summary>
/// Keyset paging over a (time, id) sort key: the cursor carries the last row's key, signed by <see cref="CursorCodec"/>;
/// the query asks for one row more than the page to know whether another page follows.
/// </summary>
internal static class KeysetPaging
{
    /// <summary>The key to continue after, or <paramref name="start"/> for the first page.</summary>
    public static (long At, string Id) After(CursorCodec cursors, string scope, PageRequest page, (long At, string Id) start)
    {
        if (page.Cursor is not { } cursor) return start;
        var position = cursors.Decode(scope, cursor);
        if (!position.TryGetValue("at", out var at) || !long.TryParse(at, CultureInfo.InvariantCulture, out var millis) || !position.TryGetValue("id", out var id))
            throw new InvalidCursorException();
        return (millis, id);
    }

    /// <summary>The page of <paramref name="rows"/> (fetched with limit + 1) and the cursor after its last row.</summary>
    public static Page<T> Of<T>(List<T> rows, PageRequest page, CursorCodec cursors, string scope, Func<T, (DateTimeOffset At, string Id)> keyOf)
    {
        if (rows.Count <= page.Limit) return new Page<T>(rows, null);
        rows.RemoveAt(rows.Count - 1);
        var (at, id) = keyOf(rows[^1]);
        return new Page<T>(rows, cursors.Encode(scope, new Dictionary<string, string>
        {
            ["at"] = at.Millis().ToString(CultureInfo.InvariantCulture),
            ["id"] = id,
        }));
    }
}
