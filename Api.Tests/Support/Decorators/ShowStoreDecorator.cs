using BoxOffice.Core.Paging;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Shows;

namespace BoxOffice.Api.Tests.Support.Decorators;

/// <summary>An <see cref="IShowStore"/> that passes every call to <paramref name="inner"/>; tests override the calls they change.</summary>
public class ShowStoreDecorator(IShowStore inner) : IShowStore
{
    public virtual Task<Show?> GetAsync(string showId, CancellationToken ct) => inner.GetAsync(showId, ct);

    public virtual Task<Page<Show>> ListOnSaleAsync(PageRequest page, CancellationToken ct) => inner.ListOnSaleAsync(page, ct);

    public virtual Task<Page<Show>> ListAllAsync(PageRequest page, CancellationToken ct) => inner.ListAllAsync(page, ct);

    public virtual Task<bool> CreateAsync(Show show, CancellationToken ct) => inner.CreateAsync(show, ct);

    public virtual Task<ShowUpdate> UpdateAsync(string showId, ShowChanges changes, long expectedVersion, DateTimeOffset now, CancellationToken ct) =>
        inner.UpdateAsync(showId, changes, expectedVersion, now, ct);

    public virtual Task<Show?> CancelAsync(string showId, DateTimeOffset now, CancellationToken ct) => inner.CancelAsync(showId, now, ct);

    public virtual Task<bool> SetPosterAsync(string showId, Poster expected, Poster next, CancellationToken ct) =>
        inner.SetPosterAsync(showId, expected, next, ct);
}
