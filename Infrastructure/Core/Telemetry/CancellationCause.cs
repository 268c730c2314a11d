namespace BoxOffice.Core.Telemetry;

/// <summary>Why orders were cancelled, as the <c>OrdersCancelled</c> metric files them (a small fixed set).</summary>
public static class CancellationCause
{
    /// <summary>The buyer cancelled.</summary>
    public const string Customer = "Customer";

    /// <summary>The show was cancelled.</summary>
    public const string ShowCancelled = "ShowCancelled";

    /// <summary>The order stayed Pending past the longest seat hold and the sweep cancelled it.</summary>
    public const string Expired = "Expired";
}
