using BoxOffice.Core.Orders;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Shows;
using static BoxOffice.Api.Tests.Contracts.StoreFixtures;

namespace BoxOffice.Api.Tests.Contracts;

/// <summary>What every <see cref="IOrderStore"/> must do, with the <see cref="IShowStore"/> over the same data.</summary>
public abstract class OrderStoreContract
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>A fresh, empty pair of stores over the same data.</summary>
    protected abstract Task<(IShowStore Shows, IOrderStore Orders)> CreateStoresAsync();

    /// <summary>Writes a show's available seats straight into the data of the last stores created, as a repair by hand would.</summary>
    protected abstract Task SetSeatsAvailableAsync(string showId, int seatsAvailable);

    [Fact]
    public async Task Placing_takes_the_seats_and_records_a_pending_order()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 10);
        await shows.CreateAsync(show, Ct);
        var order = Order(show, quantity: 3);

        var result = await orders.PlaceAsync(order, null, Now(), Ct);

        Assert.Equal(OrderPlacementOutcome.Placed, result.Outcome);
        Assert.Equal(order, result.Order);
        Assert.Equal(order, await orders.GetAsync(order.OrderId, Ct), new OrderComparer());
        Assert.Equal(7, (await shows.GetAsync(show.ShowId, Ct))!.SeatsAvailable);
        Assert.Null(await orders.GetAsync("no-such-order", Ct));
    }

    [Fact]
    public async Task An_order_for_more_seats_than_are_left_is_refused_whole()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 2);
        await shows.CreateAsync(show, Ct);
        var order = Order(show, quantity: 3);

        var result = await orders.PlaceAsync(order, null, Now(), Ct);

        Assert.Equal(OrderPlacementOutcome.SeatsShort, result.Outcome);
        Assert.Null(await orders.GetAsync(order.OrderId, Ct));
        Assert.Equal(2, (await shows.GetAsync(show.ShowId, Ct))!.SeatsAvailable);
    }

    [Fact]
    public async Task An_order_at_a_price_the_show_no_longer_has_is_refused_whole()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 5);
        await shows.CreateAsync(show, Ct);
        var order = Order(show, quantity: 2) with { UnitPrice = show.Price + 1 };

        var result = await orders.PlaceAsync(order, new IdempotencyRecord(order.UserId, "price-key", "hash", order.OrderId, Now().AddHours(1)), Now(), Ct);

        Assert.Equal(OrderPlacementOutcome.PriceChanged, result.Outcome);
        Assert.Null(await orders.GetAsync(order.OrderId, Ct));
        Assert.Null(await orders.GetIdempotencyAsync(order.UserId, "price-key", Now(), Ct));
        Assert.Equal(5, (await shows.GetAsync(show.ShowId, Ct))!.SeatsAvailable);
    }

    [Theory]
    [InlineData(ShowStatus.OffSale)]
    [InlineData(ShowStatus.Cancelled)]
    public async Task A_show_not_on_sale_takes_no_orders(ShowStatus status)
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(status: status);
        await shows.CreateAsync(show, Ct);

        Assert.Equal(OrderPlacementOutcome.NotOnSale, (await orders.PlaceAsync(Order(show), null, Now(), Ct)).Outcome);
    }

    [Fact]
    public async Task A_started_show_takes_no_orders_and_an_unknown_one_is_not_found()
    {
        var (shows, orders) = await CreateStoresAsync();
        var started = Show(startsIn: TimeSpan.FromMinutes(-5));
        await shows.CreateAsync(started, Ct);

        Assert.Equal(OrderPlacementOutcome.NotOnSale, (await orders.PlaceAsync(Order(started), null, Now(), Ct)).Outcome);
        Assert.Equal(OrderPlacementOutcome.ShowNotFound, (await orders.PlaceAsync(Order(Show()), null, Now(), Ct)).Outcome);
    }

    [Fact]
    public async Task An_idempotency_key_is_recorded_with_the_order_and_a_second_use_gets_the_first_back()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 10);
        await shows.CreateAsync(show, Ct);
        var now = Now();
        var first = Order(show, quantity: 2);
        var record = new IdempotencyRecord("user-1", "key-1", "hash-a", first.OrderId, now.AddHours(24));

        Assert.Equal(OrderPlacementOutcome.Placed, (await orders.PlaceAsync(first, record, now, Ct)).Outcome);
        Assert.Equal(record, await orders.GetIdempotencyAsync("user-1", "key-1", now, Ct));

        var second = Order(show, quantity: 2);
        var replay = await orders.PlaceAsync(second, record with { OrderId = second.OrderId }, now, Ct);

        Assert.Equal(OrderPlacementOutcome.KeyExists, replay.Outcome);
        Assert.Equal(record, replay.Existing);
        Assert.Null(await orders.GetAsync(second.OrderId, Ct));
        Assert.Equal(8, (await shows.GetAsync(show.ShowId, Ct))!.SeatsAvailable);
        Assert.Null(await orders.GetIdempotencyAsync("user-2", "key-1", now, Ct));
    }

    [Fact]
    public async Task An_expired_idempotency_key_is_forgotten_and_may_be_used_again()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 10);
        await shows.CreateAsync(show, Ct);
        var now = Now();
        var first = Order(show);
        await orders.PlaceAsync(first, new IdempotencyRecord("user-1", "key-1", "hash-a", first.OrderId, now.AddSeconds(5)), now, Ct);
        var later = now.AddSeconds(10);

        Assert.Null(await orders.GetIdempotencyAsync("user-1", "key-1", later, Ct));
        var second = Order(show, at: later);
        var record = new IdempotencyRecord("user-1", "key-1", "hash-b", second.OrderId, later.AddHours(24));
        Assert.Equal(OrderPlacementOutcome.Placed, (await orders.PlaceAsync(second, record, later, Ct)).Outcome);
        Assert.Equal(record, await orders.GetIdempotencyAsync("user-1", "key-1", later, Ct));
    }

    [Fact]
    public async Task An_idempotency_key_is_live_until_the_instant_it_expires_and_may_be_taken_over_from_then_on()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 10);
        await shows.CreateAsync(show, Ct);
        var now = Now();
        // Mid-second: a store comparing whole seconds would still hold the key at its expiry.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + 60).AddMilliseconds(500);
        var first = Order(show);
        var record = new IdempotencyRecord("user-1", "key-1", "hash-a", first.OrderId, expiresAt);
        await orders.PlaceAsync(first, record, now, Ct);

        var justBefore = expiresAt.AddMilliseconds(-1);
        var early = Order(show, at: justBefore);
        var refused = await orders.PlaceAsync(early, record with { OrderId = early.OrderId, RequestHash = "hash-b", ExpiresAt = justBefore.AddHours(24) }, justBefore, Ct);
        Assert.Equal(record, await orders.GetIdempotencyAsync("user-1", "key-1", justBefore, Ct));
        Assert.Equal((OrderPlacementOutcome.KeyExists, record), (refused.Outcome, refused.Existing));

        Assert.Null(await orders.GetIdempotencyAsync("user-1", "key-1", expiresAt, Ct));
        var second = Order(show, at: expiresAt);
        var takenOver = record with { OrderId = second.OrderId, RequestHash = "hash-b", ExpiresAt = expiresAt.AddHours(24) };
        Assert.Equal(OrderPlacementOutcome.Placed, (await orders.PlaceAsync(second, takenOver, expiresAt, Ct)).Outcome);
        Assert.Equal(takenOver, await orders.GetIdempotencyAsync("user-1", "key-1", expiresAt, Ct));
        Assert.Equal(8, (await shows.GetAsync(show.ShowId, Ct))!.SeatsAvailable);
    }

    [Fact]
    public async Task A_users_orders_list_newest_first_and_a_shows_oldest_first()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 50);
        var other = Show(capacity: 50);
        await shows.CreateAsync(show, Ct);
        await shows.CreateAsync(other, Ct);
        var start = Now();
        var mine = new List<Order>();
        for (var i = 0; i < 5; i++)
        {
            var order = Order(i % 2 == 0 ? show : other, "alice", at: start.AddSeconds(i));
            await orders.PlaceAsync(order, null, start, Ct);
            mine.Add(order);
        }
        var bobs = Order(show, "bob", at: start.AddSeconds(10));
        await orders.PlaceAsync(bobs, null, start, Ct);

        var aliceIds = await Collect(page => orders.ListByUserAsync("alice", page, Ct), pageSize: 2);
        var showIds = await Collect(page => orders.ListByShowAsync(show.ShowId, page, Ct), pageSize: 2);

        Assert.Equal(mine.Select(o => o.OrderId).Reverse(), aliceIds);
        Assert.Equal(mine.Where(o => o.ShowId == show.ShowId).Select(o => o.OrderId).Append(bobs.OrderId), showIds);
        Assert.Empty((await orders.ListByUserAsync("carol", new PageRequest(10, null), Ct)).Items);
    }

    [Fact]
    public async Task A_cursor_only_pages_the_list_it_came_from()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 50);
        await shows.CreateAsync(show, Ct);
        foreach (var user in new[] { "alice", "alice", "bob", "bob" }) await orders.PlaceAsync(Order(show, user), null, Now(), Ct);
        var alices = (await orders.ListByUserAsync("alice", new PageRequest(1, null), Ct)).NextCursor!;

        await Assert.ThrowsAsync<InvalidCursorException>(() => orders.ListByUserAsync("bob", new PageRequest(1, alices), Ct));
        await Assert.ThrowsAsync<InvalidCursorException>(() => orders.ListByShowAsync(show.ShowId, new PageRequest(1, alices), Ct));
        await Assert.ThrowsAsync<InvalidCursorException>(() => orders.ListByUserAsync("alice", new PageRequest(1, alices + "x"), Ct));
        Assert.Single((await orders.ListByUserAsync("alice", new PageRequest(1, alices), Ct)).Items);
    }

    [Fact]
    public async Task Confirming_happens_once_and_only_from_pending()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show();
        await shows.CreateAsync(show, Ct);
        var order = Order(show, quantity: 2);
        await orders.PlaceAsync(order, null, Now(), Ct);
        var at = Now().AddSeconds(1);

        Assert.Equal(ConfirmOrderOutcome.Confirmed, await orders.ConfirmAsync(order.OrderId, show.ShowId, ["T-1", "T-2"], "tickets/doc.pdf", at, Ct));
        Assert.Equal(ConfirmOrderOutcome.NotPending, await orders.ConfirmAsync(order.OrderId, show.ShowId, ["T-3"], "tickets/other.pdf", at.AddSeconds(1), Ct));
        Assert.Equal(ConfirmOrderOutcome.NotPending, await orders.ConfirmAsync("no-such-order", show.ShowId, ["T-4"], "tickets/x.pdf", at, Ct));

        var stored = await orders.GetAsync(order.OrderId, Ct);
        Assert.Equal(order with { Status = OrderStatus.Confirmed, TicketCodes = ["T-1", "T-2"], DocumentKey = "tickets/doc.pdf", UpdatedAt = at },
            stored, new OrderComparer());
    }

    /// <summary>The show's status is checked in the same atomic step as the confirmation: a show cancelled first wins.</summary>
    [Fact]
    public async Task An_order_of_a_show_cancelled_after_it_was_placed_cannot_be_confirmed()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 10);
        await shows.CreateAsync(show, Ct);
        var order = Order(show, quantity: 2);
        await orders.PlaceAsync(order, null, Now(), Ct);
        await shows.CancelAsync(show.ShowId, Now(), Ct);

        Assert.Equal(ConfirmOrderOutcome.ShowCancelled, await orders.ConfirmAsync(order.OrderId, show.ShowId, ["T-1", "T-2"], "tickets/doc.pdf", Now(), Ct));

        var stored = await orders.GetAsync(order.OrderId, Ct);
        Assert.Equal((OrderStatus.Pending, 0), (stored!.Status, stored.TicketCodes.Count));
        Assert.Contains(order.OrderId, (await orders.ListPendingAsync(Now().AddSeconds(1), Ct).ToListAsync()).Select(p => p.OrderId));
    }

    [Fact]
    public async Task Cancelling_a_pending_order_leaves_one_that_was_confirmed_alone()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 10);
        await shows.CreateAsync(show, Ct);
        var pending = Order(show, quantity: 3);
        var confirmed = Order(show, quantity: 2);
        await orders.PlaceAsync(pending, null, Now(), Ct);
        await orders.PlaceAsync(confirmed, null, Now(), Ct);
        await orders.ConfirmAsync(confirmed.OrderId, show.ShowId, ["T-1", "T-2"], "tickets/doc.pdf", Now(), Ct);

        Assert.Equal(CancelOrderOutcome.NotPending, await orders.CancelPendingAsync(confirmed.OrderId, "too old", releaseSeats: true, Now(), Ct));
        Assert.Equal(CancelOrderOutcome.Cancelled, await orders.CancelPendingAsync(pending.OrderId, "too old", releaseSeats: true, Now(), Ct));
        Assert.Equal(CancelOrderOutcome.AlreadyCancelled, await orders.CancelPendingAsync(pending.OrderId, "too old", releaseSeats: true, Now(), Ct));
        Assert.Equal(CancelOrderOutcome.NotFound, await orders.CancelPendingAsync("no-such-order", "too old", releaseSeats: true, Now(), Ct));

        Assert.Equal(OrderStatus.Confirmed, (await orders.GetAsync(confirmed.OrderId, Ct))!.Status);
        Assert.Equal((OrderStatus.Cancelled, "too old"), ((await orders.GetAsync(pending.OrderId, Ct))!.Status, (await orders.GetAsync(pending.OrderId, Ct))!.CancelReason));
        Assert.Equal(8, (await shows.GetAsync(show.ShowId, Ct))!.SeatsAvailable);
    }

    /// <summary>The index of Pending orders: only orders still Pending and placed before the bound, across pages.</summary>
    [Fact]
    public async Task Pending_orders_are_listed_until_they_are_confirmed_or_cancelled()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 200);
        await shows.CreateAsync(show, Ct);
        var start = Now().AddMinutes(-30);
        var placed = new List<Order>();
        for (var i = 0; i < 120; i++)
        {
            var order = Order(show, at: start.AddSeconds(i));
            placed.Add(order);
            Assert.Equal(OrderPlacementOutcome.Placed, (await orders.PlaceAsync(order, null, Now(), Ct)).Outcome);
        }
        await orders.ConfirmAsync(placed[0].OrderId, show.ShowId, ["T-1"], "tickets/a.pdf", Now(), Ct);
        await orders.CancelAsync(placed[1].OrderId, "changed my mind", releaseSeats: true, Now(), Ct);
        await orders.CancelPendingAsync(placed[2].OrderId, "too old", releaseSeats: true, Now(), Ct);

        var before = start.AddSeconds(100); // the orders placed from second 100 on are too young
        var listed = await orders.ListPendingAsync(before, Ct).ToListAsync();

        Assert.Equal(placed.Skip(3).Take(97).Select(o => o.OrderId).Order(), listed.Select(p => p.OrderId).Order());
        Assert.All(listed, p => Assert.Equal(placed.Single(o => o.OrderId == p.OrderId).CreatedAt, p.PlacedAt));
        Assert.Empty(await orders.ListPendingAsync(start, Ct).ToListAsync());
    }

    [Fact]
    public async Task Cancelling_releases_the_seats_once()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 10);
        await shows.CreateAsync(show, Ct);
        var order = Order(show, quantity: 4);
        await orders.PlaceAsync(order, null, Now(), Ct);

        Assert.Equal(CancelOrderOutcome.Cancelled, await orders.CancelAsync(order.OrderId, "changed my mind", releaseSeats: true, Now(), Ct));
        Assert.Equal(CancelOrderOutcome.AlreadyCancelled, await orders.CancelAsync(order.OrderId, "again", releaseSeats: true, Now(), Ct));
        Assert.Equal(CancelOrderOutcome.NotFound, await orders.CancelAsync("no-such-order", "x", releaseSeats: true, Now(), Ct));

        var stored = await orders.GetAsync(order.OrderId, Ct);
        Assert.Equal((OrderStatus.Cancelled, "changed my mind"), (stored!.Status, stored.CancelReason));
        Assert.Equal(10, (await shows.GetAsync(show.ShowId, Ct))!.SeatsAvailable);
        Assert.Equal(ConfirmOrderOutcome.NotPending, await orders.ConfirmAsync(order.OrderId, show.ShowId, ["T-1"], "tickets/x.pdf", Now(), Ct));
    }

    /// <summary>Show.SeatsReturnedBy: the available seats never pass the capacity, whatever the counter says.</summary>
    [Fact]
    public async Task Cancelling_never_gives_back_more_seats_than_the_show_has()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 10);
        await shows.CreateAsync(show, Ct);
        var order = Order(show, quantity: 4);
        await orders.PlaceAsync(order, null, Now(), Ct);
        await SetSeatsAvailableAsync(show.ShowId, 8); // two of the order's seats were already counted back

        Assert.Equal(CancelOrderOutcome.Cancelled, await orders.CancelAsync(order.OrderId, "changed my mind", releaseSeats: true, Now(), Ct));

        Assert.Equal(10, (await shows.GetAsync(show.ShowId, Ct))!.SeatsAvailable);
        Assert.Equal(OrderStatus.Cancelled, (await orders.GetAsync(order.OrderId, Ct))!.Status);
    }

    [Fact]
    public async Task Cancelling_without_release_keeps_the_seats_taken()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 10);
        await shows.CreateAsync(show, Ct);
        var order = Order(show, quantity: 4);
        await orders.PlaceAsync(order, null, Now(), Ct);
        await orders.ConfirmAsync(order.OrderId, show.ShowId, ["T-1"], "tickets/x.pdf", Now(), Ct);

        Assert.Equal(CancelOrderOutcome.Cancelled, await orders.CancelAsync(order.OrderId, "show cancelled", releaseSeats: false, Now(), Ct));

        Assert.Equal(OrderStatus.Cancelled, (await orders.GetAsync(order.OrderId, Ct))!.Status);
        Assert.Equal(6, (await shows.GetAsync(show.ShowId, Ct))!.SeatsAvailable);
    }

    [Fact]
    public async Task Fifty_concurrent_orders_for_twenty_seats_sell_exactly_twenty()
    {
        var (shows, orders) = await CreateStoresAsync();
        var show = Show(capacity: 20);
        await shows.CreateAsync(show, Ct);
        var now = Now();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => orders.PlaceAsync(Order(show, $"buyer-{i}"), null, now, Ct))));

        Assert.Equal(20, results.Count(r => r.Outcome == OrderPlacementOutcome.Placed));
        Assert.Equal(30, results.Count(r => r.Outcome == OrderPlacementOutcome.SeatsShort));
        Assert.Equal(0, (await shows.GetAsync(show.ShowId, Ct))!.SeatsAvailable);
        var placed = await Pages.AllAsync((page, ct) => orders.ListByShowAsync(show.ShowId, page, ct), Ct).ToListAsync();
        Assert.Equal(20, placed.Count);
    }

    private static async Task<List<string>> Collect(Func<PageRequest, Task<Page<Order>>> list, int pageSize)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await list(new PageRequest(pageSize, cursor));
            Assert.True(page.Items.Count <= pageSize);
            ids.AddRange(page.Items.Select(o => o.OrderId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return ids;
    }

    /// <summary>Records compare lists by reference; this compares ticket codes by value.</summary>
    private sealed class OrderComparer : IEqualityComparer<Order?>
    {
        public bool Equals(Order? x, Order? y) =>
            x is not null && y is not null && x.TicketCodes.SequenceEqual(y.TicketCodes)
            && x with { TicketCodes = [] } == y with { TicketCodes = [] };

        public int GetHashCode(Order? obj) => obj?.OrderId.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
