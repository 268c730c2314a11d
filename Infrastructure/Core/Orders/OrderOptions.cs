namespace BoxOffice.Core.Orders;

/// <summary>
/// Section <c>BoxOffice:Orders</c>: how long an order may stay Pending. An order whose ticket job was lost (the
/// process died between writing the order and sending its job) or dead-lettered is found by the sweep
/// (<see cref="OrderSweep"/>): its job is sent again once it is <see cref="RepublishAfter"/> old, and it is cancelled,
/// its seats released, once it is <see cref="MaxPendingAge"/> old. Seats are held at most
/// <see cref="MaxPendingAge"/> plus the time between two sweeps.
/// </summary>
public sealed class OrderOptions
{
    public const string Section = "BoxOffice:Orders";

    /// <summary>Age from which a Pending order's ticket job is sent again (the handler is idempotent).</summary>
    public TimeSpan RepublishAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Age from which a Pending order is cancelled and its seats go back on sale.</summary>
    public TimeSpan MaxPendingAge { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Where this process feeds the queue itself (the local shape, or a Worker polling outside Lambda): how often it
    /// queues a sweep. In AWS an EventBridge Scheduler schedule queues it (serverless.template, every 5 minutes).
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}
