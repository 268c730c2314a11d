using BoxOffice.Adapters.Local.Sqlite;
using BoxOffice.Core.Queue;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Tests.Local;

/// <summary>A queue file made before jobs kept their trace context still opens, and its new jobs keep it.</summary>
public sealed class SqliteJobQueueUpgradeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "boxoffice-queue-upgrade-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_older_queue_file_gets_the_trace_column_and_keeps_its_jobs()
    {
        var path = Path.Combine(_folder, "queue.db");
        var older = System.Text.RegularExpressions.Regex.Replace(SqliteJobQueue.Schema, @"\s*traceparent TEXT,", "");
        Assert.DoesNotContain("traceparent", older, StringComparison.Ordinal);
        Directory.CreateDirectory(_folder);
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            command.CommandText = older + $"INSERT INTO jobs (message_id, type, body, correlation_id, visible_at, sent_at) VALUES ('m-old', 't', 'old', 'c-1', {now}, {now});";
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        var options = Options.Create(new QueueOptions());

        var queue = new SqliteJobQueue(new SqliteDatabase(path, SqliteJobQueue.Schema, SqliteJobQueue.UpgradeAsync), options, TimeProvider.System);
        await queue.SendAsync(new JobMessage("t", "new", "c-2", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), default);
        var jobs = await queue.ReceiveAsync(10, TimeSpan.Zero, default);

        Assert.Equal(
            [new JobMessage("t", "old", "c-1"), new JobMessage("t", "new", "c-2", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")],
            jobs.Select(j => j.Message));
        Assert.All(jobs, j => Assert.NotNull(j.SentAt));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
