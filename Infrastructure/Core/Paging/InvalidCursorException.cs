namespace BoxOffice.Core.Paging;

/// <summary>The cursor was not issued by us for this list (HTTP 400).</summary>
public sealed class InvalidCursorException() : Exception("The paging cursor is not valid for this list.");
