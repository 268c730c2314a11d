using System.Collections.Concurrent;

namespace BoxOffice.Core.Shows;

/// <summary>
/// Recently read show prices, so a warm instance places an order without reading the show first, and a cold one
/// reads each show once however many orders arrive together. A cached price is only a guess: the reservation is
/// conditioned on it, and a changed price makes the placement refresh it and retry.
/// </summary>
public sealed class ShowPrices(IShowStore shows, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, CachedPrice> _cache = new(StringComparer.Ordinal);

    /// <summary>The show's price, from the cache when fresh; null when the show does not exist.</summary>
    public async Task<decimal?> GetAsync(string showId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var entry = _cache.AddOrUpdate(showId, static (id, state) => state.Self.Read(id, state.Now), static (id, cached, state) =>
            state.Now - cached.ReadAt < Lifetime ? cached : state.Self.Read(id, state.Now), (Self: this, Now: now));
        try
        {
            // Callers share one read, which no single caller's cancellation stops.
            var price = await entry.Price.Value.WaitAsync(ct);
            // A missing show is not remembered: it may be created under that id later.
            if (price is null) _cache.TryRemove(KeyValuePair.Create(showId, entry));
            return price;
        }
        catch (Exception) when (entry.Price.Value.IsFaulted)
        {
            _cache.TryRemove(KeyValuePair.Create(showId, entry));
            throw;
        }
    }

    /// <summary>Reads the show's price from the store and replaces whatever is cached.</summary>
    public async Task<decimal?> RefreshAsync(string showId, CancellationToken ct)
    {
        var price = (await shows.GetAsync(showId, ct))?.Price;
        if (price is null) _cache.TryRemove(showId, out _);
        else _cache[showId] = new CachedPrice(new Lazy<Task<decimal?>>(Task.FromResult(price)), clock.GetUtcNow());
        return price;
    }

    /// <summary>A read not started yet: only the entry that wins the dictionary's race ever starts it.</summary>
    private CachedPrice Read(string showId, DateTimeOffset now) =>
        new(new Lazy<Task<decimal?>>(async () => (await shows.GetAsync(showId, CancellationToken.None))?.Price), now);

    private sealed record CachedPrice(Lazy<Task<decimal?>> Price, DateTimeOffset ReadAt);
}
