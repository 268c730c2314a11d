using System.Net;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Orders;

public class OrdersTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    [Fact]
    public async Task An_order_is_accepted_then_confirmed_with_tickets_and_a_document()
    {
        var admin = await app.AdminAsync();
        var showId = (await admin.CreateShowAsync(capacity: 10, price: 12.5m)).Str("showId");
        var buyer = await app.ClientForAsync("alice");

        var response = await buyer.OrderAsync(showId, 3);
        var placed = await response.ReadAsync(HttpStatusCode.Accepted);
        var orderId = placed.Str("orderId");
        Assert.Equal($"/orders/{orderId}", response.Headers.Location!.OriginalString);
        Assert.Equal("Pending", placed.Str("status"));
        Assert.Equal(37.5m, placed.GetProperty("total").GetDecimal());
        Assert.Equal(7, (await app.CreateClient().GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());

        var order = await ApiCalls.EventuallyAsync(() => buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Confirmed");
        var tickets = order.GetProperty("tickets").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal(3, tickets.Count);
        Assert.Equal(3, tickets.Distinct().Count());

        var url = new Uri(order.Str("ticketDocumentUrl"));
        Assert.True(order.GetProperty("ticketDocumentUrlExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        var pdf = await app.CreateClient().GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var document = new Tickets.PdfFile(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, document.Pages.Count);
        Assert.All(document.Pages, page => Assert.Contains("(alice)", document.Content(page), StringComparison.Ordinal));
        Assert.All(tickets, code => Assert.Contains(document.Pages, page => document.Content(page).Contains(code!, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_document_link_expires_and_cannot_be_altered()
    {
        await using var local = new BoxOfficeApp(); // its clock moves on
        var admin = await local.AdminAsync();
        var showId = (await admin.CreateShowAsync()).Str("showId");
        var buyer = await local.ClientForAsync("alice");
        var orderId = (await (await buyer.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        var order = await ApiCalls.EventuallyAsync(() => buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Confirmed");
        var url = new Uri(order.Str("ticketDocumentUrl")).PathAndQuery;

        Assert.Equal(HttpStatusCode.OK, (await local.CreateClient().GetAsync(url)).StatusCode);
        await (await local.CreateClient().GetAsync(url.Replace(orderId, Guid.NewGuid().ToString("N"), StringComparison.Ordinal))).ProblemAsync(HttpStatusCode.Forbidden);
        local.Clock.Advance(TimeSpan.FromHours(1));
        await (await local.CreateClient().GetAsync(url)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Someone_elses_order_is_404()
    {
        var showId = (await (await app.AdminAsync()).CreateShowAsync()).Str("showId");
        var alice = await app.ClientForAsync("alice");
        var orderId = (await (await alice.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        var mallory = await app.ClientForAsync("mallory");
        await (await mallory.GetAsync($"/orders/{orderId}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await mallory.DeleteAsync($"/orders/{orderId}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await mallory.GetAsync("/orders/does-not-exist")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains((await alice.GetJsonAsync($"/orders/{orderId}")).Str("status"), new[] { "Pending", "Confirmed" }); // untouched by mallory
    }

    [Fact]
    public async Task My_orders_are_listed_newest_first_and_paged()
    {
        var showId = (await (await app.AdminAsync()).CreateShowAsync()).Str("showId");
        var me = await app.ClientForAsync($"lister-{Guid.NewGuid():N}");
        var placed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            placed.Insert(0, (await (await me.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId"));
            app.Clock.Advance(TimeSpan.FromMilliseconds(5)); // distinct creation times
        }
        await (await (await app.ClientForAsync("someone-else")).OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted);

        var first = await me.GetJsonAsync("/orders?limit=2");
        var second = await me.GetJsonAsync($"/orders?limit=2&cursor={Uri.EscapeDataString(first.Str("nextCursor"))}");
        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(o => o.Str("orderId"));
        Assert.Equal(placed, listed);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        // a cursor from one user's list is no good for another's
        var other = await app.ClientForAsync("someone-else");
        await (await other.GetAsync($"/orders?cursor={Uri.EscapeDataString(first.Str("nextCursor"))}")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Cancelling_gives_seats_back_once()
    {
        var showId = (await (await app.AdminAsync()).CreateShowAsync(capacity: 5)).Str("showId");
        var buyer = await app.ClientForAsync("canceller");
        var orderId = (await (await buyer.OrderAsync(showId, 4)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        Assert.Equal(1, await SeatsAsync(showId));

        var first = await (await buyer.DeleteAsync($"/orders/{orderId}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("Cancelled", first.Str("status"));
        var again = await (await buyer.DeleteAsync($"/orders/{orderId}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("Cancelled", again.Str("status"));
        Assert.Equal(5, await SeatsAsync(showId));

        // the ticket job that may still be in flight must not resurrect it
        await Task.Delay(500);
        Assert.Equal("Cancelled", (await buyer.GetJsonAsync($"/orders/{orderId}")).Str("status"));
    }

    [Fact]
    public async Task No_cancelling_or_ordering_once_the_show_started()
    {
        await using var local = new BoxOfficeApp();
        var showId = (await (await local.AdminAsync()).CreateShowAsync(startsIn: TimeSpan.FromHours(2))).Str("showId");
        var buyer = await local.ClientForAsync("late");
        var orderId = (await (await buyer.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        local.Clock.Advance(TimeSpan.FromHours(3));
        buyer = await local.ClientForAsync("late"); // the same user; the first token expired on the way
        await (await buyer.DeleteAsync($"/orders/{orderId}")).ProblemAsync(HttpStatusCode.Conflict);
        await (await buyer.OrderAsync(showId, 1)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Short_of_seats_is_409_and_nothing_is_taken()
    {
        var showId = (await (await app.AdminAsync()).CreateShowAsync(capacity: 3)).Str("showId");
        var buyer = await app.ClientForAsync("greedy");
        var problem = await (await buyer.OrderAsync(showId, 4)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Not enough seats", problem.Str("title"));
        Assert.Equal(3, await SeatsAsync(showId));
        await (await buyer.OrderAsync("no-such-show", 1)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Fifty_concurrent_orders_for_twenty_seats_sell_exactly_twenty()
    {
        var showId = (await (await app.AdminAsync()).CreateShowAsync(capacity: 20)).Str("showId");
        var buyers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => app.ClientForAsync($"rush-{i}")));
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => buyers[i % 5].OrderAsync(showId, 1)));
        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(30, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(0, await SeatsAsync(showId));
    }

    [Fact]
    public async Task Same_idempotency_key_and_body_returns_the_same_order()
    {
        var showId = (await (await app.AdminAsync()).CreateShowAsync(capacity: 10)).Str("showId");
        var buyer = await app.ClientForAsync("retrier");
        var key = Guid.NewGuid().ToString();
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => buyer.OrderAsync(showId, 2, key)));
        var ids = new HashSet<string>();
        foreach (var r in results) ids.Add((await r.ReadAsync(HttpStatusCode.Accepted)).Str("orderId"));
        Assert.Single(ids);
        Assert.Equal(8, await SeatsAsync(showId));

        var reused = await (await buyer.OrderAsync(showId, 3, key)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", reused.Str("detail"), StringComparison.Ordinal);

        // keys are per user: another user with the same key gets their own order
        var other = await app.ClientForAsync("other-retrier");
        var theirs = await (await other.OrderAsync(showId, 2, key)).ReadAsync(HttpStatusCode.Accepted);
        Assert.DoesNotContain(theirs.Str("orderId"), ids);
        Assert.Equal(6, await SeatsAsync(showId));
    }

    [Fact]
    public async Task An_order_after_a_price_change_is_placed_at_the_new_price()
    {
        var admin = await app.AdminAsync();
        var showId = (await admin.CreateShowAsync(capacity: 10, price: 20m)).Str("showId");
        var buyer = await app.ClientForAsync("price-watcher");
        Assert.Equal(20m, (await (await buyer.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted)).GetProperty("unitPrice").GetDecimal());

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/shows/{showId}") { Content = System.Net.Http.Json.JsonContent.Create(new { price = 30m }) };
        patch.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await admin.SendAsync(patch)).EnsureSuccessStatusCode();

        var second = await (await buyer.OrderAsync(showId, 2)).ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal(30m, second.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(60m, second.GetProperty("total").GetDecimal());
        Assert.Equal(7, await SeatsAsync(showId));
    }

    private async Task<int> SeatsAsync(string showId) =>
        (await app.CreateClient().GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32();
}
