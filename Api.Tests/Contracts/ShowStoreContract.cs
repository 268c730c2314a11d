using BoxOffice.Core.Paging;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Shows;
using Microsoft.Extensions.Time.Testing;
using static BoxOffice.Api.Tests.Contracts.StoreFixtures;

namespace BoxOffice.Api.Tests.Contracts;

/// <summary>What every <see cref="IShowStore"/> must do. Each test gets an empty store.</summary>
public abstract class ShowStoreContract
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>A fresh, empty store that reads "now" from <see cref="Clock"/>.</summary>
    protected abstract Task<IShowStore> CreateStoreAsync();

    [Fact]
    public async Task A_created_show_reads_back_field_for_field()
    {
        var store = await CreateStoreAsync();
        var poster = new Poster { Status = PosterStatus.Rejected, UploadKey = "uploads/x/2", PublishedKey = "posters/x/1.png", RejectionReason = "The file is empty." };
        var show = Show(price: 19.99m) with { Poster = poster, Version = 3 };

        Assert.True(await store.CreateAsync(show, Ct));

        Assert.Equal(show, await store.GetAsync(show.ShowId, Ct));
        Assert.Null(await store.GetAsync("no-such-show", Ct));
    }

    [Fact]
    public async Task Creating_a_taken_id_fails_and_keeps_the_first()
    {
        var store = await CreateStoreAsync();
        var first = Show();
        await store.CreateAsync(first, Ct);

        Assert.False(await store.CreateAsync(first with { Title = "Macbeth" }, Ct));
        Assert.Equal("Hamlet", (await store.GetAsync(first.ShowId, Ct))!.Title);
    }

    [Fact]
    public async Task The_on_sale_list_holds_future_on_sale_shows_soonest_first_page_by_page()
    {
        var store = await CreateStoreAsync();
        var onSale = Enumerable.Range(1, 5).Select(d => Show(startsIn: TimeSpan.FromDays(d))).ToList();
        foreach (var show in onSale.AsEnumerable().Reverse()) await store.CreateAsync(show, Ct);
        await store.CreateAsync(Show(status: ShowStatus.OffSale, startsIn: TimeSpan.FromHours(1)), Ct);
        await store.CreateAsync(Show(status: ShowStatus.Cancelled, startsIn: TimeSpan.FromHours(2)), Ct);
        await store.CreateAsync(Show(startsIn: TimeSpan.FromHours(-1)), Ct);

        var first = await store.ListOnSaleAsync(new PageRequest(2, null), Ct);
        var second = await store.ListOnSaleAsync(new PageRequest(2, first.NextCursor), Ct);
        var third = await store.ListOnSaleAsync(new PageRequest(2, second.NextCursor), Ct);

        Assert.Equal(onSale.Select(s => s.ShowId), first.Items.Concat(second.Items).Concat(third.Items).Select(s => s.ShowId));
        Assert.NotNull(first.NextCursor);
        Assert.NotNull(second.NextCursor);
        Assert.Null(third.NextCursor);
    }

    [Fact]
    public async Task A_page_that_ends_the_list_exactly_has_no_cursor()
    {
        var store = await CreateStoreAsync();
        for (var d = 1; d <= 3; d++) await store.CreateAsync(Show(startsIn: TimeSpan.FromDays(d)), Ct);

        var page = await store.ListOnSaleAsync(new PageRequest(3, null), Ct);

        Assert.Equal(3, page.Items.Count);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Shows_that_have_started_leave_the_on_sale_list()
    {
        var store = await CreateStoreAsync();
        var soon = Show(startsIn: TimeSpan.FromHours(1));
        var later = Show(startsIn: TimeSpan.FromDays(2));
        await store.CreateAsync(soon, Ct);
        await store.CreateAsync(later, Ct);

        Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal([later.ShowId], (await store.ListOnSaleAsync(new PageRequest(10, null), Ct)).Items.Select(s => s.ShowId));
    }

    [Fact]
    public async Task A_cursor_still_gives_the_right_next_page_after_the_show_it_points_at_has_started()
    {
        var store = await CreateStoreAsync();
        var soon = Show(startsIn: TimeSpan.FromHours(1));
        var soonToo = Show(startsIn: TimeSpan.FromHours(2));
        var later = Show(startsIn: TimeSpan.FromDays(2));
        foreach (var show in new[] { soon, soonToo, later }) await store.CreateAsync(show, Ct);
        var first = await store.ListOnSaleAsync(new PageRequest(2, null), Ct);
        Assert.Equal([soon.ShowId, soonToo.ShowId], first.Items.Select(s => s.ShowId));

        Clock.Advance(TimeSpan.FromHours(3)); // both shows of the first page, the cursor's among them, have started

        var next = await store.ListOnSaleAsync(new PageRequest(2, first.NextCursor), Ct);
        Assert.Equal([later.ShowId], next.Items.Select(s => s.ShowId));
        Assert.Null(next.NextCursor);
    }

    [Fact]
    public async Task The_full_list_holds_every_show_whatever_its_status()
    {
        var store = await CreateStoreAsync();
        var shows = new[] { Show(), Show(status: ShowStatus.OffSale), Show(status: ShowStatus.Cancelled), Show(startsIn: TimeSpan.FromDays(-1)) };
        foreach (var show in shows) await store.CreateAsync(show, Ct);

        var all = await Pages.AllAsync(store.ListAllAsync, Ct).ToListAsync();

        Assert.Equal(shows.Select(s => s.ShowId).Order(), all.Select(s => s.ShowId).Order());
    }

    [Fact]
    public async Task The_full_list_is_latest_start_first_page_by_page_whatever_the_status()
    {
        var store = await CreateStoreAsync();
        var sameStart = Show(startsIn: TimeSpan.FromDays(5));
        var shows = new[]
        {
            Show(startsIn: TimeSpan.FromDays(-3)),
            Show(status: ShowStatus.Cancelled, startsIn: TimeSpan.FromDays(1)),
            Show(status: ShowStatus.OffSale, startsIn: TimeSpan.FromDays(2)),
            sameStart with { ShowId = "b" + sameStart.ShowId },
            sameStart with { ShowId = "a" + sameStart.ShowId },
        };
        foreach (var show in new[] { shows[2], shows[4], shows[0], shows[3], shows[1] }) await store.CreateAsync(show, Ct);

        var first = await store.ListAllAsync(new PageRequest(2, null), Ct);
        var second = await store.ListAllAsync(new PageRequest(2, first.NextCursor), Ct);
        var third = await store.ListAllAsync(new PageRequest(2, second.NextCursor), Ct);

        var expected = shows.OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.ShowId, StringComparer.Ordinal).Select(s => s.ShowId);
        Assert.Equal(expected, first.Items.Concat(second.Items).Concat(third.Items).Select(s => s.ShowId));
        Assert.Equal(shows[4], first.Items[1]); // whole shows, not index entries
        Assert.NotNull(second.NextCursor);
        Assert.Null(third.NextCursor);
        var onSaleCursor = (await store.ListOnSaleAsync(new PageRequest(1, null), Ct)).NextCursor!;
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListAllAsync(new PageRequest(2, onSaleCursor), Ct));
    }

    [Fact]
    public async Task A_forged_or_borrowed_cursor_is_refused()
    {
        var store = await CreateStoreAsync();
        for (var d = 1; d <= 3; d++) await store.CreateAsync(Show(startsIn: TimeSpan.FromDays(d)), Ct);
        var cursor = (await store.ListOnSaleAsync(new PageRequest(1, null), Ct)).NextCursor!;
        var allCursor = (await store.ListAllAsync(new PageRequest(1, null), Ct)).NextCursor!;
        var flipped = cursor[..^2] + (cursor[^2] == 'A' ? 'B' : 'A') + cursor[^1];

        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListOnSaleAsync(new PageRequest(1, flipped), Ct));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListOnSaleAsync(new PageRequest(1, "not-a-cursor"), Ct));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListOnSaleAsync(new PageRequest(1, allCursor), Ct));
    }

    [Fact]
    public async Task An_edit_at_the_current_version_applies_and_moves_the_version()
    {
        var store = await CreateStoreAsync();
        var show = Show(capacity: 10);
        await store.CreateAsync(show, Ct);
        var later = Now().AddMinutes(1);
        var startsAt = show.StartsAt.AddDays(1);

        var result = await store.UpdateAsync(show.ShowId, new ShowChanges { Title = "Macbeth", Capacity = 15, Price = 30m, StartsAt = startsAt }, 1, later, Ct);

        Assert.Equal(ShowUpdateOutcome.Updated, result.Outcome);
        var expected = show with { Title = "Macbeth", Capacity = 15, SeatsAvailable = 15, Price = 30m, StartsAt = startsAt, Version = 2, UpdatedAt = later };
        Assert.Equal(expected, result.Show);
        Assert.Equal(expected, await store.GetAsync(show.ShowId, Ct));
    }

    [Fact]
    public async Task An_edit_at_a_stale_version_is_refused_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var show = Show();
        await store.CreateAsync(show, Ct);
        await store.UpdateAsync(show.ShowId, new ShowChanges { Title = "First" }, 1, Now(), Ct);

        var result = await store.UpdateAsync(show.ShowId, new ShowChanges { Title = "Second" }, 1, Now(), Ct);

        Assert.Equal(ShowUpdateOutcome.VersionMismatch, result.Outcome);
        Assert.Equal("First", (await store.GetAsync(show.ShowId, Ct))!.Title);
        Assert.Equal(ShowUpdateOutcome.NotFound, (await store.UpdateAsync("no-such-show", new ShowChanges { Title = "x" }, 1, Now(), Ct)).Outcome);
    }

    [Fact]
    public async Task Capacity_cannot_drop_below_the_seats_sold()
    {
        var store = await CreateStoreAsync();
        var show = Show(capacity: 10) with { SeatsAvailable = 4 };
        await store.CreateAsync(show, Ct);

        var refused = await store.UpdateAsync(show.ShowId, new ShowChanges { Capacity = 5 }, 1, Now(), Ct);
        var allowed = await store.UpdateAsync(show.ShowId, new ShowChanges { Capacity = 6 }, 1, Now(), Ct);

        Assert.Equal(ShowUpdateOutcome.Conflict, refused.Outcome);
        Assert.Equal(ShowUpdateOutcome.Updated, allowed.Outcome);
        Assert.Equal((6, 0), (allowed.Show!.Capacity, allowed.Show.SeatsAvailable));
    }

    [Fact]
    public async Task Taking_a_show_off_sale_hides_it_and_putting_it_back_lists_it()
    {
        var store = await CreateStoreAsync();
        var show = Show();
        await store.CreateAsync(show, Ct);

        await store.UpdateAsync(show.ShowId, new ShowChanges { Status = ShowStatus.OffSale }, 1, Now(), Ct);
        Assert.Empty((await store.ListOnSaleAsync(new PageRequest(10, null), Ct)).Items);

        await store.UpdateAsync(show.ShowId, new ShowChanges { Status = ShowStatus.OnSale }, 2, Now(), Ct);
        Assert.Equal([show.ShowId], (await store.ListOnSaleAsync(new PageRequest(10, null), Ct)).Items.Select(s => s.ShowId));
    }

    [Fact]
    public async Task Cancelling_is_final_and_happens_once()
    {
        var store = await CreateStoreAsync();
        var show = Show();
        await store.CreateAsync(show, Ct);

        var cancelled = await store.CancelAsync(show.ShowId, Now(), Ct);
        var again = await store.CancelAsync(show.ShowId, Now().AddMinutes(1), Ct);

        Assert.Equal(ShowStatus.Cancelled, cancelled!.Status);
        Assert.Equal(2, cancelled.Version);
        Assert.Equal(cancelled, again);
        Assert.Null(await store.CancelAsync("no-such-show", Now(), Ct));
        Assert.Empty((await store.ListOnSaleAsync(new PageRequest(10, null), Ct)).Items);
        Assert.Equal(ShowUpdateOutcome.Conflict, (await store.UpdateAsync(show.ShowId, new ShowChanges { Title = "x" }, 2, Now(), Ct)).Outcome);
    }

    [Fact]
    public async Task Poster_changes_are_stored_whole_and_leave_the_version_alone()
    {
        var store = await CreateStoreAsync();
        var show = Show();
        await store.CreateAsync(show, Ct);

        var pending = Poster.None.Upload("uploads/s/1");
        Assert.True(await store.SetPosterAsync(show.ShowId, Poster.None, pending, Ct));
        Assert.Equal((pending, 1L), PosterOf(await store.GetAsync(show.ShowId, Ct)));

        var published = pending.Publish("uploads/s/1", "posters/s/1.png");
        Assert.True(await store.SetPosterAsync(show.ShowId, pending, published, Ct));
        var rejected = published.Upload("uploads/s/2").Reject("uploads/s/2", "Declared image/png, but the file is text, not an image.");
        Assert.True(await store.SetPosterAsync(show.ShowId, published, rejected, Ct));
        Assert.Equal((rejected, 1L), PosterOf(await store.GetAsync(show.ShowId, Ct)));

        Assert.False(await store.SetPosterAsync("no-such-show", Poster.None, pending, Ct));
        Assert.Null(await store.GetAsync("no-such-show", Ct));
    }

    [Fact]
    public async Task A_poster_change_from_a_state_that_moved_on_is_refused()
    {
        var store = await CreateStoreAsync();
        var show = Show();
        await store.CreateAsync(show, Ct);
        var first = Poster.None.Upload("uploads/s/1");
        var second = first.Upload("uploads/s/2");
        await store.SetPosterAsync(show.ShowId, Poster.None, first, Ct);
        await store.SetPosterAsync(show.ShowId, first, second, Ct);

        // The verdict on the first upload, read before the second was requested, arrives late.
        Assert.False(await store.SetPosterAsync(show.ShowId, first, first.Publish("uploads/s/1", "posters/s/1.png"), Ct));
        // Same status, another upload: refused too.
        Assert.False(await store.SetPosterAsync(show.ShowId, first, first.Upload("uploads/s/3"), Ct));

        Assert.Equal((second, 1L), PosterOf(await store.GetAsync(show.ShowId, Ct)));
    }

    private static (Poster, long) PosterOf(Show? show) => (show!.Poster, show.Version);
}
