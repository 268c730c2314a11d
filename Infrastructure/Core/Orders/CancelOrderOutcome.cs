namespace BoxOffice.Core.Orders;

public enum CancelOrderOutcome
{
    /// <summary>This call moved the order to Cancelled (and released its seats if asked).</summary>
    Cancelled,
    /// <summary>It was cancelled before; nothing changed.</summary>
    AlreadyCancelled,
    NotFound,
}
