namespace BoxOffice.Core.Orders;

/// <summary>How cancelling an order ended. <see cref="IOrderStore.CancelAsync"/> answers with the first three, <see cref="IOrderStore.CancelPendingAsync"/> also with <see cref="NotPending"/>.</summary>
public enum CancelOrderOutcome
{
    /// <summary>This call moved the order to Cancelled (and released its seats if asked).</summary>
    Cancelled,
    /// <summary>It was cancelled before; nothing changed.</summary>
    AlreadyCancelled,
    NotFound,
    /// <summary>The show has started: too late to cancel.</summary>
    ShowStarted,
    /// <summary>No longer Pending (<see cref="IOrderStore.CancelPendingAsync"/>); nothing changed.</summary>
    NotPending,
}
