using Microsoft.Extensions.Caching.Hybrid;

namespace BoxOffice.Core.Shows;

/// <summary>
/// Recently read show prices, so a warm instance places an order without reading the show first, and a cold one
/// reads each show once however many orders arrive together. A cached price is only a guess: the reservation is
/// conditioned on it, and a changed price makes the placement refresh it and retry.
/// </summary>
public sealed class ShowPrices(IShowStore shows, HybridCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };

    /// <summary>The show's price, from the cache when fresh; null when the show does not exist.</summary>
    public async Task<decimal?> GetAsync(string showId, CancellationToken ct)
    {
        var price = await cache.GetOrCreateAsync(
            KeyOf(showId), (shows, showId), static async (state, token) => await ReadAsync(state.shows, state.showId, token), Entry, cancellationToken: ct);
        // A missing show is not remembered: it may be created under that id later.
        if (price is null) await cache.RemoveAsync(KeyOf(showId), ct);
        return price;
    }

    /// <summary>Reads the show's price from the store and replaces whatever is cached.</summary>
    public async Task<decimal?> RefreshAsync(string showId, CancellationToken ct)
    {
        var price = await ReadAsync(shows, showId, ct);
        if (price is null) await cache.RemoveAsync(KeyOf(showId), ct);
        else await cache.SetAsync(KeyOf(showId), price, Entry, cancellationToken: ct);
        return price;
    }

    private static async Task<decimal?> ReadAsync(IShowStore shows, string showId, CancellationToken ct) =>
        (await shows.GetAsync(showId, ct))?.Price;

    private static string KeyOf(string showId) => "show-price:" + showId;
}
