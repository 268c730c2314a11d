using System.Runtime.CompilerServices;

namespace BoxOffice.Core.Paging;

public static class Pages
{
    /// <summary>Every item of a paged listing, fetching page after page of <see cref="PageRequest.MaxLimit"/>.</summary>
    public static async IAsyncEnumerable<T> AllAsync<T>(Func<PageRequest, CancellationToken, Task<Page<T>>> fetch, [EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var page = await fetch(new PageRequest(PageRequest.MaxLimit, cursor), ct);
            foreach (var item in page.Items) yield return item;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
