namespace BoxOffice.Core.Orders;

/// <summary>What one sweep did: ticket jobs sent again, and orders cancelled because they stayed Pending too long.</summary>
public sealed record OrderSweepResult(int Republished, int Expired);
