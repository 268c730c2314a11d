namespace BoxOffice.Core.Orders;

/// <summary>How confirming an order ended (<see cref="IOrderStore.ConfirmAsync"/>).</summary>
public enum ConfirmOrderOutcome
{
    /// <summary>This call moved the order from Pending to Confirmed.</summary>
    Confirmed,
    /// <summary>The order is not Pending (confirmed by an earlier delivery, cancelled, or missing); nothing changed.</summary>
    NotPending,
    /// <summary>The order is Pending but its show is cancelled (or gone): it must not be confirmed; nothing changed.</summary>
    ShowCancelled,
}
