namespace BoxOffice.Core.Paging;

/// <summary>Section <c>BoxOffice:Paging</c>.</summary>
public sealed class PagingOptions
{
    public const string Section = "BoxOffice:Paging";

    /// <summary>Base64 HMAC key that signs paging cursors. Local shape: generated into the data folder when unset.</summary>
    public string? CursorKey { get; set; }
}
