using System.Collections.Concurrent;

namespace BoxOffice.Core.Shows;

/// <summary>
/// Recently read show prices, so a warm instance places an order without reading the show first. A cached price is
/// only a guess: the reservation is conditioned on it, and a changed price makes the placement read and retry.
/// </summary>
public sealed class ShowPrices(IShowStore shows, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (decimal Price, DateTimeOffset ReadAt)> _prices = new(StringComparer.Ordinal);

    /// <summary>The show's price, from the cache when fresh; null when the show does not exist.</summary>
    public async Task<decimal?> GetAsync(string showId, CancellationToken ct)
    {
        if (_prices.TryGetValue(showId, out var cached) && clock.GetUtcNow() - cached.ReadAt < Lifetime) return cached.Price;
        return await RefreshAsync(showId, ct);
    }

    /// <summary>Reads the show's price from the store, whatever is cached.</summary>
    public async Task<decimal?> RefreshAsync(string showId, CancellationToken ct)
    {
        var show = await shows.GetAsync(showId, ct);
        if (show is null)
        {
            _prices.TryRemove(showId, out _);
            return null;
        }
        if (_prices.Count >= MaxEntries) _prices.Clear();
        _prices[showId] = (show.Price, clock.GetUtcNow());
        return show.Price;
    }
}
