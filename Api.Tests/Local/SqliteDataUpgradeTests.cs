using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using BoxOffice.Adapters.Local.Sqlite;
using BoxOffice.Api.Tests.Posters;
using BoxOffice.Api.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BoxOffice.Api.Tests.Local;

/// <summary>
/// A data file made before posters kept their upload apart (and their rejection reason) opens in the Api: the
/// published poster is still served, a pending one's key (an upload never inspected) is not, and reasons are kept.
/// </summary>
public sealed class SqliteDataUpgradeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "boxoffice-data-upgrade-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_older_data_file_gets_the_poster_columns_and_keeps_its_shows()
    {
        var older = Regex.Replace(DataSchema.Sql, @"\s*poster_(upload_key|rejection_reason) TEXT,", "");
        Assert.DoesNotContain("poster_upload_key", older, StringComparison.Ordinal);
        Assert.DoesNotContain("poster_rejection_reason", older, StringComparison.Ordinal);
        Directory.CreateDirectory(_folder);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "boxoffice.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = older + Insert("published", "Published", "'posters/published/old.png'") + Insert("pending", "Pending", "'posters/pending/never-inspected.png'");
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        await using var app = BoxOfficeApp.With(_folder);
        var client = app.CreateClient();
        var published = await client.GetJsonAsync("/shows/published");
        Assert.Equal("Published", published.Str("posterStatus"));
        Assert.EndsWith("/files/posters/published/old.png", new Uri(published.Str("posterUrl")).AbsolutePath, StringComparison.Ordinal);
        var pending = await client.GetJsonAsync("/shows/pending");
        Assert.Equal(("Pending", JsonValueKind.Null, JsonValueKind.Null),
            (pending.Str("posterStatus"), pending.GetProperty("posterUrl").ValueKind, pending.GetProperty("posterRejectionReason").ValueKind));

        // The new columns work: a rejection keeps its reason, and the old poster stays on show.
        var admin = await app.AdminAsync();
        var text = "not an image at all"u8.ToArray();
        var upload = await PosterUploads.RequestAsync(admin, "published", "image/png", text.Length);
        using (var put = PosterUploads.Put(upload, text, relative: true))
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(put)).StatusCode);
        var rejected = await ApiCalls.EventuallyAsync(() => client.GetJsonAsync("/shows/published"), s => s.Str("posterStatus") == "Rejected");
        Assert.Equal("Declared image/png, but the file is text, not an image.", rejected.Str("posterRejectionReason"));
        Assert.EndsWith("/files/posters/published/old.png", new Uri(rejected.Str("posterUrl")).AbsolutePath, StringComparison.Ordinal);
    }

    private static string Insert(string id, string posterStatus, string posterKey)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var starts = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return "INSERT INTO shows (show_id, title, venue, starts_at, capacity, seats_available, price, status, poster_status, poster_key, version, created_at, updated_at) " +
               $"VALUES ('{id}', 'Hamlet', 'Globe', {starts}, 10, 10, '20', 'OnSale', '{posterStatus}', {posterKey}, 1, {now}, {now});";
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
