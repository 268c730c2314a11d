using BoxOffice.Api.Tests.Local;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Shows;
using Microsoft.Extensions.Time.Testing;
using static BoxOffice.Api.Tests.Contracts.StoreFixtures;

namespace BoxOffice.Api.Tests.Shows;

public sealed class ShowPricesTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly LocalShapes _shapes = new();

    [Fact]
    public async Task Fifty_concurrent_orders_on_a_cold_instance_read_the_show_once()
    {
        var store = new CountingShowStore(Store());
        var show = Show(price: 17.5m);
        await store.CreateAsync(show, Ct);
        var prices = new ShowPrices(store, TimeProvider.System);

        store.HoldReads();
        var reads = Enumerable.Range(0, 50).Select(_ => Task.Run(() => prices.GetAsync(show.ShowId, Ct))).ToArray();
        await store.FirstReadStarted;
        await Task.Delay(100); // let the other callers arrive while the first read is held
        store.ReleaseReads();

        Assert.All(await Task.WhenAll(reads), price => Assert.Equal(17.5m, price));
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task A_changed_price_is_read_again_on_refresh_and_kept_after()
    {
        var store = new CountingShowStore(Store());
        var show = Show(price: 10m);
        await store.CreateAsync(show, Ct);
        var prices = new ShowPrices(store, TimeProvider.System);
        Assert.Equal(10m, await prices.GetAsync(show.ShowId, Ct));

        await store.UpdateAsync(show.ShowId, new ShowChanges { Price = 12m }, 1, Now(), Ct);
        Assert.Equal(10m, await prices.GetAsync(show.ShowId, Ct)); // still the cached guess
        Assert.Equal(12m, await prices.RefreshAsync(show.ShowId, Ct));
        Assert.Equal(12m, await prices.GetAsync(show.ShowId, Ct));
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task A_missing_show_is_not_remembered()
    {
        var store = new CountingShowStore(Store());
        var prices = new ShowPrices(store, TimeProvider.System);
        var show = Show(price: 8m);

        Assert.Null(await prices.GetAsync(show.ShowId, Ct));
        await store.CreateAsync(show, Ct);

        Assert.Equal(8m, await prices.GetAsync(show.ShowId, Ct));
    }

    [Fact]
    public async Task A_price_older_than_its_lifetime_is_read_again()
    {
        var store = new CountingShowStore(Store());
        var show = Show(price: 9m);
        await store.CreateAsync(show, Ct);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var prices = new ShowPrices(store, clock);
        Assert.Equal(9m, await prices.GetAsync(show.ShowId, Ct));
        await store.UpdateAsync(show.ShowId, new ShowChanges { Price = 11m }, 1, Now(), Ct);

        clock.Advance(ShowPrices.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(9m, await prices.GetAsync(show.ShowId, Ct));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(11m, await prices.GetAsync(show.ShowId, Ct));
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task A_failed_read_is_not_remembered_and_one_callers_cancellation_leaves_the_others_their_price()
    {
        var store = new CountingShowStore(Store());
        var show = Show(price: 4m);
        await store.CreateAsync(show, Ct);
        var prices = new ShowPrices(store, TimeProvider.System);

        store.FailNextRead();
        await Assert.ThrowsAsync<IOException>(() => prices.GetAsync(show.ShowId, Ct));
        store.HoldReads();
        using var impatient = new CancellationTokenSource();
        var cancelled = prices.GetAsync(show.ShowId, impatient.Token);
        var patient = prices.GetAsync(show.ShowId, Ct);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        store.ReleaseReads();

        Assert.Equal(4m, await patient);
        Assert.Equal(2, store.Reads);
    }

    public void Dispose()
    {
        _shapes.Dispose();
    }

    private IShowStore Store() => _shapes.New(TimeProvider.System).Get<IShowStore>();

    /// <summary>A show store that counts reads and can hold them until released.</summary>
    private sealed class CountingShowStore(IShowStore inner) : IShowStore
    {
        private readonly TaskCompletionSource _firstRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _gate;
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public Task FirstReadStarted => _firstRead.Task;

        private bool _failNext;

        public void FailNextRead() => _failNext = true;

        public void HoldReads() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void ReleaseReads() => _gate?.TrySetResult();

        public async Task<Show?> GetAsync(string showId, CancellationToken ct)
        {
            Interlocked.Increment(ref _reads);
            _firstRead.TrySetResult();
            if (_failNext)
            {
                _failNext = false;
                throw new IOException("the store is away");
            }
            if (_gate is { } gate) await gate.Task;
            return await inner.GetAsync(showId, ct);
        }

        public Task<Page<Show>> ListOnSaleAsync(PageRequest page, CancellationToken ct) => inner.ListOnSaleAsync(page, ct);

        public Task<Page<Show>> ListAllAsync(PageRequest page, CancellationToken ct) => inner.ListAllAsync(page, ct);

        public Task<bool> CreateAsync(Show show, CancellationToken ct) => inner.CreateAsync(show, ct);

        public Task<ShowUpdate> UpdateAsync(string showId, ShowChanges changes, long expectedVersion, DateTimeOffset now, CancellationToken ct) =>
            inner.UpdateAsync(showId, changes, expectedVersion, now, ct);

        public Task<Show?> CancelAsync(string showId, DateTimeOffset now, CancellationToken ct) => inner.CancelAsync(showId, now, ct);

        public Task<bool> SetPosterAsync(string showId, Poster expected, Poster next, CancellationToken ct) =>
            inner.SetPosterAsync(showId, expected, next, ct);
    }
}
