using BoxOffice.Core.Files;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Shows;
using BoxOffice.Core.Telemetry;
using BoxOffice.Worker.Shows;
using BoxOffice.Worker.Tickets;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Worker.Orders;

/// <summary>
/// Issues the tickets of a placed order: codes derived from the order id (a redelivery issues the same ones), the
/// ticket document stored under a key of the order, then Pending → Confirmed in one atomic write conditioned on the
/// show not being cancelled; an order whose show was cancelled meanwhile is cancelled instead.
/// </summary>
public sealed class OrderPlacedHandler(
    IOrderStore orders, IShowStore shows, IFileStore files, TicketDocumentRenderer renderer, IBoxOfficeMetrics metrics, TimeProvider clock,
    ILogger<OrderPlacedHandler> logger)
    : JobHandler<OrderPlaced>
{
    public override string JobType => JobTypes.OrderPlaced;

    public static string DocumentKeyOf(string orderId) => $"tickets/{orderId}.pdf";

    protected override async Task HandleAsync(OrderPlaced job, CancellationToken ct)
    {
        var order = await orders.GetAsync(job.OrderId, ct);
        if (order is not { Status: OrderStatus.Pending })
        {
            logger.LogInformation("Order {OrderId} is {Status}; nothing to issue", job.OrderId, order?.Status.ToString() ?? "missing");
            return;
        }
        var show = await shows.GetAsync(order.ShowId, ct) ?? throw new InvalidOperationException($"Show {order.ShowId} of order {order.OrderId} is missing.");
        if (show.Status == ShowStatus.Cancelled)
        {
            await CancelForCancelledShowAsync(order.OrderId, ct);
            return;
        }

        var codes = TicketCodes.For(order.OrderId, order.Quantity);
        var pdf = renderer.Render(new TicketDocument(show.Title, show.Venue, show.StartsAt, order.OrderId, order.HolderName ?? order.UserId, codes));
        var key = DocumentKeyOf(order.OrderId);
        using (var content = new MemoryStream(pdf))
            await files.PutAsync(key, content, TicketDocumentRenderer.ContentType, ct);

        var outcome = await orders.ConfirmAsync(order.OrderId, order.ShowId, codes, key, clock.GetUtcNow(), ct);
        if (outcome == ConfirmOrderOutcome.Confirmed)
        {
            metrics.TicketsIssued(codes.Count);
            logger.LogInformation("Order {OrderId} confirmed with {TicketCount} tickets", order.OrderId, codes.Count);
            return;
        }
        if (outcome == ConfirmOrderOutcome.ShowCancelled) await CancelForCancelledShowAsync(order.OrderId, ct);
        // Cancelled (or confirmed by a parallel delivery) meanwhile: keep the document only if it is the order's.
        var now = await orders.GetAsync(order.OrderId, ct);
        if (now?.Status != OrderStatus.Confirmed) await files.DeleteAsync(key, ct);
        logger.LogInformation("Order {OrderId} became {Status} while its tickets were issued", order.OrderId, now?.Status);
    }

    /// <summary>
    /// The show was cancelled after this order was placed, and the show's cancellation job may not see the order (its
    /// index lags): cancel it here. A cancelled show sells nothing more, so no seat goes back.
    /// </summary>
    private async Task CancelForCancelledShowAsync(string orderId, CancellationToken ct)
    {
        var outcome = await orders.CancelPendingAsync(orderId, ShowCancelledHandler.Reason, releaseSeats: false, clock.GetUtcNow(), ct);
        if (outcome == CancelOrderOutcome.Cancelled) metrics.OrdersCancelled(1, CancellationCause.ShowCancelled);
        logger.LogInformation("Order {OrderId}: its show is cancelled, so it is {Outcome}", orderId, outcome);
    }
}
