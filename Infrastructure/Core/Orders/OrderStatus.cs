namespace BoxOffice.Core.Orders;

public enum OrderStatus
{
    /// <summary>Seats are reserved; tickets are being issued.</summary>
    Pending,
    Confirmed,
    Cancelled,
}
