namespace BoxOffice.Core.Paging;

/// <summary>One page of results; <see cref="NextCursor"/> is opaque and null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
