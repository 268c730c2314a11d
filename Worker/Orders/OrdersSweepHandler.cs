using BoxOffice.Core.Jobs;
using BoxOffice.Core.Orders;

namespace BoxOffice.Worker.Orders;

/// <summary>Runs the order sweep (<see cref="OrderSweep"/>) when the schedule queues it.</summary>
public sealed class OrdersSweepHandler(OrderSweep sweep) : JobHandler<OrdersSweep>
{
    public override string JobType => JobTypes.OrdersSweep;

    protected override Task HandleAsync(OrdersSweep job, CancellationToken ct) => sweep.SweepAsync(ct);
}
