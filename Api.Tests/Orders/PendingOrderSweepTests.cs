using System.Net;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Api.Tests.Support.Decorators;
using BoxOffice.Core.Files;
using BoxOffice.Core.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Orders;

/// <summary>
/// Nothing held forever, local shape: an order whose ticket job was never sent (the process died between the two
/// writes) or ended in the dead letters is found by the order sweep, sent again, and cancelled with its seats
/// released once if it stays Pending past the maximum age.
/// </summary>
public sealed class PendingOrderSweepTests
{
    private static readonly OrderOptions Defaults = new();

    [Fact]
    public async Task An_order_whose_process_died_before_its_job_was_sent_is_confirmed_by_the_sweep_of_a_fresh_instance()
    {
        var folder = Path.Combine(Path.GetTempPath(), "boxoffice-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string showId, token;
            await using (var crashing = BoxOfficeApp.With(folder, services: s => s.Decorate<IOrderStore>((inner, _) => new DiesAfterCommit(inner))))
            {
                showId = (await (await crashing.AdminAsync()).CreateShowAsync(capacity: 10)).Str("showId");
                var buyer = await crashing.ClientForAsync("unlucky");
                token = buyer.DefaultRequestHeaders.Authorization!.Parameter!;
                Assert.NotEqual(HttpStatusCode.Accepted, (await buyer.OrderAsync(showId, 3)).StatusCode); // it never answered, in truth
            }

            await using var fresh = BoxOfficeApp.With(folder, new Dictionary<string, string?> { ["BoxOffice:Orders:SweepInterval"] = "00:00:01" });
            fresh.Clock.Advance(Defaults.RepublishAfter + TimeSpan.FromMinutes(1));
            var client = fresh.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var order = Assert.Single((await client.GetJsonAsync("/orders")).GetProperty("items").EnumerateArray());
            Assert.Equal("Pending", order.Str("status"));
            Assert.Equal(7, (await client.GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());

            var confirmed = await ApiCalls.EventuallyAsync(() => client.GetJsonAsync($"/orders/{order.Str("orderId")}"), o => o.Str("status") == "Confirmed");
            Assert.Equal(3, confirmed.GetProperty("tickets").GetArrayLength());
            Assert.Equal(7, (await client.GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_dead_lettered_ticket_job_is_sent_again_by_the_sweep_and_the_order_confirms()
    {
        var files = new Switch();
        await using var app = BoxOfficeApp.With(null, services: s => s.Decorate<IFileStore>((inner, _) => new BreakableTickets(inner, files)));
        var showId = (await (await app.AdminAsync()).CreateShowAsync(capacity: 10)).Str("showId");
        var buyer = await app.ClientForAsync("patient");
        var orderId = (await (await buyer.OrderAsync(showId, 3)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        await WaitForDeadLetterAsync(app);

        files.Broken = false;
        app.Clock.Advance(Defaults.RepublishAfter + TimeSpan.FromMinutes(1));
        var swept = await app.Services.GetRequiredService<OrderSweep>().SweepAsync(default);

        Assert.Equal(new OrderSweepResult(Republished: 1, Expired: 0), swept);
        await ApiCalls.EventuallyAsync(() => buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Confirmed");
        Assert.Equal(7, (await buyer.GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());
    }

    [Fact]
    public async Task An_order_still_pending_past_the_maximum_age_is_cancelled_and_its_seats_released_once()
    {
        var files = new Switch();
        await using var app = BoxOfficeApp.With(null, services: s => s.Decorate<IFileStore>((inner, _) => new BreakableTickets(inner, files)));
        var showId = (await (await app.AdminAsync()).CreateShowAsync(capacity: 10)).Str("showId");
        var buyer = await app.ClientForAsync("patient");
        var orderId = (await (await buyer.OrderAsync(showId, 3)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        await WaitForDeadLetterAsync(app);
        var sweep = app.Services.GetRequiredService<OrderSweep>();

        app.Clock.Advance(Defaults.MaxPendingAge);
        Assert.Equal(new OrderSweepResult(0, 1), await sweep.SweepAsync(default));
        Assert.Equal(new OrderSweepResult(0, 0), await sweep.SweepAsync(default));

        var order = await buyer.GetJsonAsync($"/orders/{orderId}");
        Assert.Equal(("Cancelled", OrderSweep.ExpiredReason), (order.Str("status"), order.Str("cancelReason")));
        Assert.Equal(10, (await buyer.GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());
        await ApiCalls.EventuallyAsync(() => Task.FromResult(app.Metrics.Sum("OrdersCancelled", "Reason", "Expired")), n => n >= 1);
    }

    [Fact]
    public async Task A_young_pending_order_is_left_to_its_job()
    {
        await using var app = BoxOfficeApp.With(null, new Dictionary<string, string?> { ["BoxOffice:Queue:ProcessInApi"] = "false" });
        var showId = (await (await app.AdminAsync()).CreateShowAsync(capacity: 10)).Str("showId");
        await (await (await app.ClientForAsync("quick")).OrderAsync(showId, 3)).ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal(new OrderSweepResult(0, 0), await app.Services.GetRequiredService<OrderSweep>().SweepAsync(default));
    }

    /// <summary>Moves the app's clock past one visibility timeout at a time until the job is dead-lettered.</summary>
    private static Task WaitForDeadLetterAsync(BoxOfficeApp app) =>
        ApiCalls.EventuallyAsync(
            async () =>
            {
                app.Clock.Advance(BoxOfficeApp.VisibilityTimeout);
                return (await app.Services.GetRequiredService<BoxOffice.Core.Queue.IDeadLetters>().ListAsync(10, default)).Count;
            },
            count => count == 1, TimeSpan.FromSeconds(30));

    /// <summary>Commits the order, then "dies": the caller never gets to send its job.</summary>
    private sealed class DiesAfterCommit(IOrderStore inner) : OrderStoreDecorator(inner)
    {
        public override async Task<OrderPlacementResult> PlaceAsync(Order order, IdempotencyRecord? idempotency, DateTimeOffset now, CancellationToken ct)
        {
            await base.PlaceAsync(order, idempotency, now, ct);
            throw new InvalidOperationException("the process died here");
        }
    }

    private sealed class Switch
    {
        public bool Broken { get; set; } = true;
    }

    private sealed class BreakableTickets(IFileStore inner, Switch state) : FileStoreDecorator(inner)
    {
        public override Task PutAsync(string key, Stream content, string contentType, CancellationToken ct) =>
            state.Broken && key.StartsWith("tickets/", StringComparison.Ordinal)
                ? throw new IOException("the disk is full")
                : base.PutAsync(key, content, contentType, ct);
    }
}
