namespace BoxOffice.Core.Shows;

public enum ShowStatus
{
    /// <summary>Listed publicly and taking orders.</summary>
    OnSale,
    /// <summary>Hidden from the public list; no new orders.</summary>
    OffSale,
    /// <summary>Final: the show will not happen and its orders are cancelled.</summary>
    Cancelled,
}
