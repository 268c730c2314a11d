using System.Net;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Api.Tests.Support.Decorators;
using BoxOffice.Core.Files;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Queue;
using BoxOffice.Core.Shows;
using BoxOffice.Core.Telemetry;
using BoxOffice.Worker.Orders;
using BoxOffice.Worker.Shows;
using BoxOffice.Worker.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BoxOffice.Api.Tests.Orders;

/// <summary>
/// An order placed just before its show is cancelled, with the two jobs racing; the handlers are run by hand over the
/// app's own stores, in the order that used to end with a Confirmed order for a cancelled show.
/// </summary>
public static class ShowCancelledRace
{
    /// <summary>
    /// The show is cancelled after the order is placed, and the show's cancellation job does not see the order (its
    /// listing lags, as DynamoDB's GSI2 may); then the ticket job runs. The order must end Cancelled, no seat released.
    /// </summary>
    public static async Task TheCancellationJobMissesTheOrderAsync(IServiceProvider services, HttpClient admin, HttpClient buyer)
    {
        var (showId, orderId) = await PlaceAsync(admin, buyer);
        await (await admin.DeleteAsync($"/shows/{showId}")).ReadAsync(HttpStatusCode.Accepted);

        var orders = services.GetRequiredService<IOrderStore>();
        await new ShowCancelledHandler(
                new LaggingListing(orders), services.GetRequiredService<IBoxOfficeMetrics>(), TimeProvider.System, NullLogger<ShowCancelledHandler>.Instance)
            .HandleAsync(Job(JobTypes.ShowCancelled, new ShowCancelled(showId)), default);
        Assert.Equal(OrderStatus.Pending, (await orders.GetAsync(orderId, default))!.Status); // missed, as the race has it

        await TicketJob(services, services.GetRequiredService<IFileStore>()).HandleAsync(Job(JobTypes.OrderPlaced, new OrderPlaced(orderId)), default);

        await AssertCancelledAsync(services, buyer, showId, orderId);
    }

    /// <summary>The show is cancelled while the ticket job renders (after it read the show, before it confirms).</summary>
    public static async Task TheShowIsCancelledWhileTicketsAreIssuedAsync(IServiceProvider services, HttpClient admin, HttpClient buyer)
    {
        var (showId, orderId) = await PlaceAsync(admin, buyer);
        var files = new CancelsTheShowOnPut(services.GetRequiredService<IFileStore>(), services.GetRequiredService<IShowStore>(), showId);

        await TicketJob(services, files).HandleAsync(Job(JobTypes.OrderPlaced, new OrderPlaced(orderId)), default);

        Assert.True(files.Cancelled);
        await AssertCancelledAsync(services, buyer, showId, orderId);
    }

    private static async Task<(string ShowId, string OrderId)> PlaceAsync(HttpClient admin, HttpClient buyer)
    {
        var showId = (await admin.CreateShowAsync(capacity: 10)).Str("showId");
        var orderId = (await (await buyer.OrderAsync(showId, 3)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        return (showId, orderId);
    }

    private static async Task AssertCancelledAsync(IServiceProvider services, HttpClient buyer, string showId, string orderId)
    {
        var order = await buyer.GetJsonAsync($"/orders/{orderId}");
        Assert.Equal(("Cancelled", "show cancelled"), (order.Str("status"), order.Str("cancelReason")));
        Assert.Equal(0, order.GetProperty("tickets").GetArrayLength());
        // The cancelled show sells nothing more: its 3 sold seats stay counted, and are not given back.
        Assert.Equal(7, (await buyer.GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());
        Assert.Null(await services.GetRequiredService<IFileStore>().OpenAsync(OrderPlacedHandler.DocumentKeyOf(orderId), default));
    }

    private static OrderPlacedHandler TicketJob(IServiceProvider services, IFileStore files) => new(
        services.GetRequiredService<IOrderStore>(), services.GetRequiredService<IShowStore>(), files,
        services.GetRequiredService<TicketDocumentRenderer>(), services.GetRequiredService<IBoxOfficeMetrics>(), TimeProvider.System,
        NullLogger<OrderPlacedHandler>.Instance);

    private static JobMessage Job<T>(string type, T body) => new(type, System.Text.Json.JsonSerializer.Serialize(body, JobJson.Options), "race");

    private sealed class LaggingListing(IOrderStore inner) : OrderStoreDecorator(inner)
    {
        public override Task<Page<Order>> ListByShowAsync(string showId, PageRequest page, CancellationToken ct) =>
            Task.FromResult(new Page<Order>([], null));
    }

    private sealed class CancelsTheShowOnPut(IFileStore inner, IShowStore shows, string showId) : FileStoreDecorator(inner)
    {
        public bool Cancelled { get; private set; }

        public override async Task PutAsync(string key, Stream content, string contentType, CancellationToken ct)
        {
            await base.PutAsync(key, content, contentType, ct);
            Cancelled = await shows.CancelAsync(showId, DateTimeOffset.UtcNow, ct) is { Status: ShowStatus.Cancelled };
        }
    }
}
