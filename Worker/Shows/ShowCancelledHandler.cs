using BoxOffice.Core.Jobs;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Worker.Shows;

/// <summary>Cancels every order of a cancelled show. Each order is cancelled at most once, so a redelivery changes nothing.</summary>
public sealed class ShowCancelledHandler(IOrderStore orders, IBoxOfficeMetrics metrics, TimeProvider clock, ILogger<ShowCancelledHandler> logger)
    : JobHandler<ShowCancelled>
{
    public const string Reason = "show cancelled";

    public override string JobType => JobTypes.ShowCancelled;

    protected override async Task HandleAsync(ShowCancelled job, CancellationToken ct)
    {
        var cancelled = 0;
        await foreach (var order in Pages.AllAsync((page, c) => orders.ListByShowAsync(job.ShowId, page, c), ct))
        {
            // The show is off the market, so its seats are not released.
            if (order.Status != OrderStatus.Cancelled
                && await orders.CancelAsync(order.OrderId, Reason, releaseSeats: false, clock.GetUtcNow(), ct) == CancelOrderOutcome.Cancelled)
                cancelled++;
        }
        metrics.OrdersCancelled(cancelled, CancellationCause.ShowCancelled);
        logger.LogInformation("Show {ShowId} cancelled: {Cancelled} orders cancelled", job.ShowId, cancelled);
    }
}
