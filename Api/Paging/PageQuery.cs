using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using BoxOffice.Core.Paging;
using Microsoft.AspNetCore.Mvc;

namespace BoxOffice.Api.Paging;

/// <summary>The <c>limit</c> and <c>cursor</c> query parameters of a listing.</summary>
/// <remarks>A class, not a positional record: the request delegate generator cannot bind a record with a nullable reference parameter.</remarks>
public sealed class PageQuery
{
    /// <summary>Page size, 1 to 100 (default 20).</summary>
    [Range(1, PageRequest.MaxLimit, ErrorMessage = "Must be between {1} and {2}.")]
    [DefaultValue(PageRequest.DefaultLimit)]
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page; omit for the first page.</summary>
    [StringLength(PageRequest.MaxCursorLength, ErrorMessage = "Too long.")]
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    public PageRequest ToRequest() => new(Limit ?? PageRequest.DefaultLimit, string.IsNullOrEmpty(Cursor) ? null : Cursor);
}

/// <summary>A page of results; pass <c>nextCursor</c> back as <c>cursor</c> for the next one (null: no more).</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
