using System.Security.Claims;
using BoxOffice.Api.Identity;
using BoxOffice.Api.OpenApi;
using BoxOffice.Api.Paging;
using BoxOffice.Api.Problems;
using BoxOffice.Api.RateLimiting;
using BoxOffice.Core.Files;
using BoxOffice.Core.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Orders;

public static class OrdersApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/shows/{showId:id}/orders", PlaceOrder)
            .RequireAuthorization()
            .RateLimited(RateLimitPolicies.Orders)
            .WithTags("Orders").WithName("PlaceOrder")
            .WithSummary("Order seats; tickets are issued in the background")
            .WithDescription("Seats are reserved at once. Send an Idempotency-Key header to make retries safe: the same key and body return the same order.")
            .ProducesHeader(StatusCodes.Status202Accepted, "Location", "The order: /orders/{orderId}; GET it until its status is Confirmed.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        var orders = app.MapGroup("/orders").WithTags("Orders").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        orders.MapGet("/", ListOrders).WithName("ListMyOrders").WithSummary("My orders, newest first").ProducesValidationProblem();
        orders.MapGet("/{orderId:id}", GetOrder).WithName("GetOrder").WithSummary("One of my orders, with tickets once confirmed")
            .ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapDelete("/{orderId:id}", Cancel).WithName("CancelOrder").WithSummary("Cancel my order before the show starts; seats go back (idempotent)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Accepted<OrderResponse>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        string showId, PlaceOrderRequest request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        ClaimsPrincipal user, OrderPlacement placement, IFileStore files, IOptions<FilesOptions> options, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 128 || idempotencyKey.Any(c => c < 0x21 || c > 0x7e)))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyHeader] = ["1 to 128 visible ASCII characters."] });

        var result = await placement.PlaceAsync(user.UserId(), user.Identity?.Name, showId, request.Quantity!.Value, idempotencyKey, ct);
        return result.Outcome switch
        {
            OrderPlacementOutcome.Placed or OrderPlacementOutcome.Replayed => TypedResults.Accepted(
                $"/orders/{result.Order!.OrderId}", await OrderResponse.FromAsync(result.Order, files, options.Value.DownloadUrlLifetime, clock, ct)),
            OrderPlacementOutcome.ShowNotFound => Problem.NotFound("The show"),
            OrderPlacementOutcome.NotOnSale => Problem.Conflict("Not on sale", "The show is not on sale (off sale, cancelled or already started)."),
            OrderPlacementOutcome.SeatsShort => Problem.Conflict("Not enough seats", $"Fewer than {request.Quantity} seats are left."),
            OrderPlacementOutcome.KeyReused => Problem.Of(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused",
                "This Idempotency-Key was used for a different request; use a new key."),
            OrderPlacementOutcome.KeyInFlight => Problem.Conflict("Request in progress", "A request with this Idempotency-Key is still being processed; retry shortly."),
            _ => Problem.Unavailable(response, "The order could not be queued and was not placed."),
        };
    }

    private static async Task<Ok<PageResponse<OrderResponse>>> ListOrders(
        [AsParameters] PageQuery page, ClaimsPrincipal user, IOrderStore store, IFileStore files, IOptions<FilesOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var result = await store.ListByUserAsync(user.UserId(), page.ToRequest(), ct);
        var items = new List<OrderResponse>(result.Items.Count);
        foreach (var order in result.Items) items.Add(await OrderResponse.FromAsync(order, files, options.Value.DownloadUrlLifetime, clock, ct));
        return TypedResults.Ok(new PageResponse<OrderResponse>(items, result.NextCursor));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(
        string orderId, ClaimsPrincipal user, IOrderStore store, IFileStore files, IOptions<FilesOptions> options, TimeProvider clock, CancellationToken ct)
    {
        // Someone else's order is answered exactly like a missing one.
        if (await store.GetAsync(orderId, ct) is not { } order || order.UserId != user.UserId()) return Problem.NotFound("The order");
        return TypedResults.Ok(await OrderResponse.FromAsync(order, files, options.Value.DownloadUrlLifetime, clock, ct));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Cancel(
        string orderId, ClaimsPrincipal user, OrderCancellation cancellation, IFileStore files, IOptions<FilesOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var result = await cancellation.CancelAsync(orderId, user.UserId(), ct);
        return result.Outcome switch
        {
            CancelOrderOutcome.NotFound => Problem.NotFound("The order"),
            CancelOrderOutcome.ShowStarted => Problem.Conflict("Show started", "Orders can only be cancelled before the show starts."),
            _ => TypedResults.Ok(await OrderResponse.FromAsync(result.Order!, files, options.Value.DownloadUrlLifetime, clock, ct)),
        };
    }
}
