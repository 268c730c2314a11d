using System.Globalization;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Shows;
using Microsoft.Data.Sqlite;

namespace BoxOffice.Adapters.Local.Sqlite;

internal sealed class SqliteShowStore(SqliteDatabase db, CursorCodec cursors, TimeProvider clock) : IShowStore
{
    private const string Columns = "show_id, title, venue, starts_at, capacity, seats_available, price, status, poster_status, poster_key, poster_upload_key, poster_rejection_reason, version, created_at, updated_at";

    public async Task<Show?> GetAsync(string showId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, showId, ct);
    }

    internal static async Task<Show?> GetAsync(SqliteConnection connection, string showId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync($"SELECT {Columns} FROM shows WHERE show_id = $id", Read, ct, ("$id", showId));
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<Page<Show>> ListOnSaleAsync(PageRequest page, CancellationToken ct) =>
        ListAsync("shows:on-sale", $"status = '{ShowStatus.OnSale}' AND starts_at > $now", latestFirst: false, page, ct);

    public Task<Page<Show>> ListAllAsync(PageRequest page, CancellationToken ct) =>
        ListAsync("shows:all:latest-first", "1 = 1", latestFirst: true, page, ct);

    private async Task<Page<Show>> ListAsync(string scope, string filter, bool latestFirst, PageRequest page, CancellationToken ct)
    {
        var (cmp, dir, start) = latestFirst ? ("<", "DESC", long.MaxValue) : (">", "ASC", long.MinValue);
        var (afterStart, afterId) = KeysetPaging.After(cursors, scope, page, (start, ""));
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync(
            $"SELECT {Columns} FROM shows WHERE {filter} AND (starts_at {cmp} $s OR (starts_at = $s AND show_id {cmp} $id)) ORDER BY starts_at {dir}, show_id {dir} LIMIT $limit",
            Read, ct, ("$now", clock.GetUtcNow().Millis()), ("$s", afterStart), ("$id", afterId), ("$limit", page.Limit + 1));
        return KeysetPaging.Of(rows, page, cursors, scope, show => (show.StartsAt, show.ShowId));
    }

    public async Task<bool> CreateAsync(Show show, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var inserted = await connection.ExecuteAsync(
            $"INSERT INTO shows ({Columns}) VALUES ($id, $title, $venue, $starts, $capacity, $available, $price, $status, $poster_status, $poster_key, $poster_upload_key, $poster_rejection_reason, $version, $created, $updated) ON CONFLICT (show_id) DO NOTHING",
            ct,
            ("$id", show.ShowId), ("$title", show.Title), ("$venue", show.Venue), ("$starts", show.StartsAt.Millis()),
            ("$capacity", show.Capacity), ("$available", show.SeatsAvailable), ("$price", show.Price.ToString(CultureInfo.InvariantCulture)),
            ("$status", show.Status.ToString()), ("$poster_status", show.Poster.Status.ToString()), ("$poster_key", show.Poster.PublishedKey),
            ("$poster_upload_key", show.Poster.UploadKey), ("$poster_rejection_reason", show.Poster.RejectionReason),
            ("$version", show.Version), ("$created", show.CreatedAt.Millis()), ("$updated", show.UpdatedAt.Millis()));
        return inserted == 1;
    }

    public async Task<ShowUpdate> UpdateAsync(string showId, ShowChanges changes, long expectedVersion, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        var current = await GetAsync(connection, showId, ct);
        if (changes.RefusalFor(current, expectedVersion) is { } refusal) return refusal;
        var updated = changes.ApplyTo(current!, now);
        // The write transaction holds the lock, so the version read above cannot move before this update.
        await connection.ExecuteAsync(
            "UPDATE shows SET title = $title, venue = $venue, starts_at = $starts, price = $price, status = $status, capacity = $capacity, seats_available = $available, version = $version, updated_at = $updated WHERE show_id = $id AND version = $expected",
            ct,
            ("$title", updated.Title), ("$venue", updated.Venue), ("$starts", updated.StartsAt.Millis()), ("$price", updated.Price.ToString(CultureInfo.InvariantCulture)),
            ("$status", updated.Status.ToString()), ("$capacity", updated.Capacity), ("$available", updated.SeatsAvailable),
            ("$version", updated.Version), ("$updated", now.Millis()), ("$id", showId), ("$expected", expectedVersion));
        await tx.CommitAsync(ct);
        return ShowUpdate.Of(ShowUpdateOutcome.Updated, updated);
    }

    public async Task<Show?> CancelAsync(string showId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            $"UPDATE shows SET status = '{ShowStatus.Cancelled}', version = version + 1, updated_at = $now WHERE show_id = $id AND status <> '{ShowStatus.Cancelled}'",
            ct, ("$id", showId), ("$now", now.Millis()));
        return await GetAsync(connection, showId, ct);
    }

    public async Task<bool> SetPosterAsync(string showId, Poster expected, Poster next, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(
            "UPDATE shows SET poster_status = $status, poster_key = $key, poster_upload_key = $upload, poster_rejection_reason = $reason " +
            "WHERE show_id = $id AND poster_status = $expected_status AND poster_upload_key IS $expected_upload",
            ct, ("$id", showId), ("$status", next.Status.ToString()), ("$key", next.PublishedKey), ("$upload", next.UploadKey),
            ("$reason", next.RejectionReason), ("$expected_status", expected.Status.ToString()), ("$expected_upload", expected.UploadKey)) == 1;
    }

    // By position, in the order of Columns: a listing reads 15 columns of each row, and looking each up by name cost
    // about as much as reading it.
    private static Show Read(SqliteDataReader r) => new()
    {
        ShowId = r.GetString(0),
        Title = r.GetString(1),
        Venue = r.GetString(2),
        StartsAt = r.Time(3),
        Capacity = r.GetInt32(4),
        SeatsAvailable = r.GetInt32(5),
        Price = decimal.Parse(r.GetString(6), CultureInfo.InvariantCulture),
        Status = Enum.Parse<ShowStatus>(r.GetString(7)),
        Poster = new Poster
        {
            Status = Enum.Parse<PosterStatus>(r.GetString(8)),
            PublishedKey = r.NullableString(9),
            UploadKey = r.NullableString(10),
            RejectionReason = r.NullableString(11),
        },
        Version = r.GetInt64(12),
        CreatedAt = r.Time(13),
        UpdatedAt = r.Time(14),
    };
}
