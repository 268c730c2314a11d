using BoxOffice.Core.Files;
using BoxOffice.Core.Orders;

namespace BoxOffice.Api.Orders;

/// <summary>An order; once Confirmed it carries the ticket codes and a short-lived link to the ticket document.</summary>
public sealed record OrderResponse(
    string OrderId,
    string ShowId,
    int Quantity,
    decimal UnitPrice,
    decimal Total,
    OrderStatus Status,
    IReadOnlyList<string> Tickets,
    Uri? TicketDocumentUrl,
    DateTimeOffset? TicketDocumentUrlExpiresAt,
    string? CancelReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static async Task<OrderResponse> FromAsync(Order order, IFileStore files, TimeSpan urlLifetime, TimeProvider clock, CancellationToken ct)
    {
        var withDocument = order is { Status: OrderStatus.Confirmed, DocumentKey: not null };
        var url = withDocument ? await files.CreateDownloadUrlAsync(order.DocumentKey!, urlLifetime, ct) : null;
        return new OrderResponse(order.OrderId, order.ShowId, order.Quantity, order.UnitPrice, order.Total, order.Status,
            order.Status == OrderStatus.Confirmed ? order.TicketCodes : [], url, url is null ? null : clock.GetUtcNow() + urlLifetime,
            order.CancelReason, order.CreatedAt, order.UpdatedAt);
    }
}
