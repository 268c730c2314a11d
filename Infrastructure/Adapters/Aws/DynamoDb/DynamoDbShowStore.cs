using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Shows;
using static BoxOffice.Adapters.Aws.DynamoDb.DynamoDbAttributes;

namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>
/// Shows in the single table. Admin edits are guarded by the <c>Version</c> attribute; seat counts move only
/// through conditional arithmetic, so an edit never overwrites seats that orders took meanwhile.
/// </summary>
internal sealed class DynamoDbShowStore(DynamoDbTable table, TimeProvider clock) : IShowStore
{
    public async Task<Show?> GetAsync(string showId, CancellationToken ct) =>
        await table.GetAsync(ShowItem.Key(showId), ct) is { } item ? ShowItem.ToShow(item) : null;

    /// <summary>
    /// GSI1, partition <c>SHOWS#ONSALE</c>, from now on: shows that have started drop out of the list. A show the table
    /// says is no longer on sale (cancelled before the index caught up) is left out of its page.
    /// </summary>
    public async Task<Page<Show>> ListOnSaleAsync(PageRequest page, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var entries = await table.QueryPageAsync(BoxOfficeTable.Gsi1, ShowItem.OnSalePartition, Format(now) + "#\uffff", ascending: true,
            "shows:on-sale", page, entry => entry, ct);
        return new Page<Show>([.. (await ShowsOfAsync(entries.Items, ct)).Where(show => show.IsOnSaleAt(now))], entries.NextCursor);
    }

    /// <summary>GSI2, partition <c>SHOWS</c>, backwards: latest start first.</summary>
    public async Task<Page<Show>> ListAllAsync(PageRequest page, CancellationToken ct)
    {
        var entries = await table.QueryPageAsync(BoxOfficeTable.Gsi2, ShowItem.AllPartition, null, ascending: false, "shows:all:latest-first", page, entry => entry, ct);
        return new Page<Show>(await ShowsOfAsync(entries.Items, ct), entries.NextCursor);
    }

    public Task<bool> CreateAsync(Show show, CancellationToken ct) => table.PutNewAsync(ShowItem.From(show), ct);

    public async Task<ShowUpdate> UpdateAsync(string showId, ShowChanges changes, long expectedVersion, DateTimeOffset now, CancellationToken ct)
    {
        var current = await GetAsync(showId, ct);
        if (changes.RefusalFor(current, expectedVersion) is { } refused) return refused;

        // Seats move by arithmetic (ADD), never by writing a count read earlier, so reservations made meanwhile stay.
        var delta = changes.CapacityDelta(current!);
        var edited = changes.ApplyTo(current!, now);
        var (startsAt, status) = (edited.StartsAt, edited.Status);
        var update = new ItemUpdate(table.Name, ShowItem.Key(showId))
            .Set("Title", Str(edited.Title))
            .Set("Venue", Str(edited.Venue))
            .Set("StartsAt", Time(startsAt))
            .Set("Price", Num(edited.Price))
            .Set("Status", Str(status.ToString()))
            .Set("Capacity", Num(edited.Capacity))
            .Add("SeatsAvailable", delta)
            .Set("Version", Num(expectedVersion + 1))
            .Set("UpdatedAt", Time(now))
            .Set(BoxOfficeTable.Gsi2SK, Str(ShowItem.DateSort(startsAt, showId)))
            .When("attribute_exists({PK}) AND {Version} = :expected AND {Status} <> :cancelled",
                (":expected", Num(expectedVersion)), (":cancelled", Str(nameof(ShowStatus.Cancelled))));
        if (delta < 0) update.When("{SeatsAvailable} >= :taken", (":taken", Num(-delta)));
        if (status == ShowStatus.OnSale)
            update.Set(BoxOfficeTable.Gsi1PK, Str(ShowItem.OnSalePartition)).Set(BoxOfficeTable.Gsi1SK, Str(ShowItem.DateSort(startsAt, showId)));
        else
            update.Remove(BoxOfficeTable.Gsi1PK).Remove(BoxOfficeTable.Gsi1SK);

        try
        {
            var response = await table.UpdateItemAsync(update.ToRequest(ReturnValue.ALL_NEW), ct);
            return ShowUpdate.Of(ShowUpdateOutcome.Updated, ShowItem.ToShow(response.Attributes));
        }
        catch (ConditionalCheckFailedException)
        {
            // Someone got there first: say why from what is stored now.
            var stored = await GetAsync(showId, ct);
            return changes.RefusalFor(stored, expectedVersion) ?? ShowUpdate.Of(ShowUpdateOutcome.Conflict, stored);
        }
    }

    public async Task<Show?> CancelAsync(string showId, DateTimeOffset now, CancellationToken ct)
    {
        var update = new ItemUpdate(table.Name, ShowItem.Key(showId))
            .Set("Status", Str(nameof(ShowStatus.Cancelled)))
            .Add("Version", 1)
            .Set("UpdatedAt", Time(now))
            .Remove(BoxOfficeTable.Gsi1PK)
            .Remove(BoxOfficeTable.Gsi1SK)
            .When("attribute_exists({PK}) AND {Status} <> :cancelled", (":cancelled", Str(nameof(ShowStatus.Cancelled))));
        try
        {
            var response = await table.UpdateItemAsync(update.ToRequest(ReturnValue.ALL_NEW), ct);
            return ShowItem.ToShow(response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            return await GetAsync(showId, ct); // unknown (null) or cancelled before
        }
    }

    /// <summary>
    /// The shows of a page of index entries, in the page's order, read whole from the table in one BatchGetItem: the
    /// entries carry no seat counter, so that orders never write to the listing partitions (docs/dynamodb.md).
    /// </summary>
    private async Task<List<Show>> ShowsOfAsync(IReadOnlyList<Dictionary<string, AttributeValue>> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return [];
        var items = await table.BatchGetAsync([.. entries.Select(ShowItem.KeyOf)], ct);
        return [.. entries.Select(entry => items.GetValueOrDefault(entry.String(BoxOfficeTable.PK))).OfType<Dictionary<string, AttributeValue>>().Select(ShowItem.ToShow)];
    }

    public Task<bool> SetPosterAsync(string showId, Poster expected, Poster next, CancellationToken ct)
    {
        var update = new ItemUpdate(table.Name, ShowItem.Key(showId))
            .Set("PosterStatus", Str(next.Status.ToString()))
            .SetOrRemove("PosterUpload", next.UploadKey)
            .SetOrRemove("PosterImage", next.PublishedKey)
            .SetOrRemove("PosterRejection", next.RejectionReason)
            .Remove(ShowItem.LegacyPosterKey)
            .When("attribute_exists({PK}) AND {PosterStatus} = :expectedStatus", (":expectedStatus", Str(expected.Status.ToString())));
        if (expected.UploadKey is null) update.When("attribute_not_exists({PosterUpload})");
        else update.When("{PosterUpload} = :expectedUpload", (":expectedUpload", Str(expected.UploadKey)));
        return table.TryUpdateAsync(update, ct);
    }
}
