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

/// <summary>How many seats to buy (1 to 10).</summary>
public sealed record PlaceOrderRequest(int? Quantity)
{
    public const int MaxQuantity = 10;

    public Dictionary<string, string[]> Validate() => Quantity switch
    {
        null => new() { ["quantity"] = ["Required."] },
        < 1 or > MaxQuantity => new() { ["quantity"] = [$"Between 1 and {MaxQuantity}."] },
        _ => [],
    };
}
