using BoxOffice.Core.Paging;
using BoxOffice.Core.Posters;

namespace BoxOffice.Core.Shows;

/// <summary>Storage port for shows. Every write is conditional; adapters never read-modify-write without a guard.</summary>
public interface IShowStore
{
    Task<Show?> GetAsync(string showId, CancellationToken ct);

    /// <summary>Shows on sale, soonest first (then by id), for the public list.</summary>
    Task<Page<Show>> ListOnSaleAsync(PageRequest page, CancellationToken ct);

    /// <summary>
    /// Every show whatever its status (off sale, cancelled, started), latest start first (then by id, descending): the
    /// admins' list, where the shows ahead come before the past ones, and the reports.
    /// </summary>
    Task<Page<Show>> ListAllAsync(PageRequest page, CancellationToken ct);

    /// <summary>Inserts a new show; false when the id is taken.</summary>
    Task<bool> CreateAsync(Show show, CancellationToken ct);

    Task<ShowUpdate> UpdateAsync(string showId, ShowChanges changes, long expectedVersion, DateTimeOffset now, CancellationToken ct);

    /// <summary>Marks the show cancelled. Returns null when unknown; the show (already cancelled or not) otherwise.</summary>
    Task<Show?> CancelAsync(string showId, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Replaces the poster state with <paramref name="next"/> if it is still <paramref name="expected"/>, as read by the
    /// caller: the same status and upload (every change of the state moves one of them). False when the show is
    /// unknown or its poster moved on meanwhile. The version is left alone so admins' ETags stay valid.
    /// </summary>
    Task<bool> SetPosterAsync(string showId, Poster expected, Poster next, CancellationToken ct);
}
