using BoxOffice.Core.Paging;

namespace BoxOffice.Api.Paging;

/// <summary>The HTTP binding of <see cref="PageRequest"/>: reads <c>limit</c> and <c>cursor</c> from the query string and checks them against its limits.</summary>
public static class PageQuery
{
    public static bool TryRead(int? limit, string? cursor, out PageRequest page, out Dictionary<string, string[]> errors)
    {
        errors = [];
        page = new PageRequest(limit ?? PageRequest.DefaultLimit, string.IsNullOrEmpty(cursor) ? null : cursor);
        if (page.Limit is < 1 or > PageRequest.MaxLimit) errors["limit"] = [$"Must be between 1 and {PageRequest.MaxLimit}."];
        if (cursor is { Length: > PageRequest.MaxCursorLength }) errors["cursor"] = ["Too long."];
        return errors.Count == 0;
    }
}

/// <summary>A page of results; pass <c>nextCursor</c> back as <c>cursor</c> for the next one (null: no more).</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
