using System.Diagnostics;
using BoxOffice.Core.Queue;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BoxOffice.Adapters.Local.Sqlite;

/// <summary>
/// The local queue: a SQLite table with SQS semantics. A receive hides a job for the visibility timeout and counts it;
/// a job received <see cref="QueueOptions.MaxReceives"/> times and still not deleted moves to the dead letters on the
/// next receive. Everything is on disk, so nothing is lost across a restart.
/// </summary>
internal sealed class SqliteJobQueue(SqliteDatabase db, IOptions<QueueOptions> options, TimeProvider clock) : IJobQueue, IDeadLetters
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(100);
    private readonly SemaphoreSlim _sent = new(0);

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS jobs (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            body TEXT NOT NULL,
            correlation_id TEXT,
            traceparent TEXT,
            receive_count INTEGER NOT NULL DEFAULT 0,
            visible_at INTEGER NOT NULL,
            receipt_handle TEXT UNIQUE,
            sent_at INTEGER NOT NULL,
            dead_lettered_at INTEGER);
        CREATE INDEX IF NOT EXISTS jobs_visible ON jobs (dead_lettered_at, visible_at, seq);
        """;

    public async Task SendAsync(JobMessage message, CancellationToken ct)
    {
        var now = clock.GetUtcNow().Millis();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "INSERT INTO jobs (message_id, type, body, correlation_id, traceparent, visible_at, sent_at) VALUES ($id, $type, $body, $corr, $trace, $now, $now)",
            ct, ("$id", Guid.NewGuid().ToString("N")), ("$type", message.Type), ("$body", message.Body), ("$corr", message.CorrelationId),
            ("$trace", message.TraceParent), ("$now", now));
        Wake();
    }

    public async Task<IReadOnlyList<ReceivedJob>> ReceiveAsync(int max, TimeSpan wait, CancellationToken ct)
    {
        // The wait is real time, as it holds the caller; visibility follows the clock, which tests may move.
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var jobs = await TryReceiveAsync(Math.Clamp(max, 1, 10), ct);
            var left = wait - Stopwatch.GetElapsedTime(started);
            if (jobs.Count > 0 || left <= TimeSpan.Zero) return jobs;
            // Woken early by a send from this process; otherwise poll for other processes' sends.
            await _sent.WaitAsync(left < IdlePoll ? left : IdlePoll, ct);
        }
    }

    private async Task<IReadOnlyList<ReceivedJob>> TryReceiveAsync(int max, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        var candidates = await connection.QueryAsync(
            "SELECT message_id, type, body, correlation_id, traceparent, receive_count, sent_at FROM jobs WHERE dead_lettered_at IS NULL AND visible_at <= $now ORDER BY visible_at, seq LIMIT $max",
            r => (Id: r.String("message_id"), Message: ReadMessage(r), Count: r.Int("receive_count"), SentAt: r.Time("sent_at")),
            ct, ("$now", now.Millis()), ("$max", max));

        var received = new List<ReceivedJob>();
        foreach (var (id, message, count, sentAt) in candidates)
        {
            if (count >= settings.MaxReceives)
            {
                await connection.ExecuteAsync("UPDATE jobs SET dead_lettered_at = $now, receipt_handle = NULL WHERE message_id = $id", ct, ("$now", now.Millis()), ("$id", id));
                continue;
            }
            var receipt = Guid.NewGuid().ToString("N");
            await connection.ExecuteAsync(
                "UPDATE jobs SET receive_count = receive_count + 1, visible_at = $visible, receipt_handle = $receipt WHERE message_id = $id",
                ct, ("$visible", (now + settings.VisibilityTimeout).Millis()), ("$receipt", receipt), ("$id", id));
            received.Add(new ReceivedJob(id, receipt, message, count + 1, sentAt));
        }
        await tx.CommitAsync(ct);
        return received;
    }

    public async Task DeleteAsync(string receiptHandle, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("DELETE FROM jobs WHERE receipt_handle = $r", ct, ("$r", receiptHandle));
    }

    public async Task ChangeVisibilityAsync(string receiptHandle, TimeSpan delay, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE jobs SET visible_at = $at WHERE receipt_handle = $r AND dead_lettered_at IS NULL",
            ct, ("$at", (clock.GetUtcNow() + delay).Millis()), ("$r", receiptHandle));
        if (delay <= TimeSpan.Zero) Wake();
    }

    public async Task<long> DepthAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync("SELECT COUNT(*) AS n FROM jobs WHERE dead_lettered_at IS NULL", r => r.Long("n"), ct);
        return rows[0];
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QueryAsync(
            "SELECT message_id, type, body, correlation_id, traceparent, receive_count, dead_lettered_at FROM jobs WHERE dead_lettered_at IS NOT NULL ORDER BY dead_lettered_at, seq LIMIT $max",
            ReadDeadLetter, ct, ("$max", max));
    }

    public async Task<int> RedriveAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var moved = await connection.ExecuteAsync(
            "UPDATE jobs SET dead_lettered_at = NULL, receive_count = 0, receipt_handle = NULL, visible_at = $now WHERE dead_lettered_at IS NOT NULL",
            ct, ("$now", clock.GetUtcNow().Millis()));
        if (moved > 0) Wake();
        return moved;
    }

    /// <summary>Wakes a waiting receive; a signal, not a count, so many sends never make an idle poller spin.</summary>
    private void Wake()
    {
        if (_sent.CurrentCount == 0) _sent.Release();
    }

    private static JobMessage ReadMessage(SqliteDataReader r) =>
        new(r.String("type"), r.String("body"), r.NullableString("correlation_id"), r.NullableString("traceparent"));

    /// <summary>Brings a queue file made before the trace context was kept up to date.</summary>
    public static async Task UpgradeAsync(SqliteConnection connection, CancellationToken ct)
    {
        var columns = await connection.QueryAsync("SELECT name FROM pragma_table_info('jobs')", r => r.String("name"), ct);
        if (!columns.Contains("traceparent")) await connection.ExecuteAsync("ALTER TABLE jobs ADD COLUMN traceparent TEXT", ct);
    }

    private static DeadLetter ReadDeadLetter(SqliteDataReader r) => new(
        r.String("message_id"),
        ReadMessage(r),
        r.Int("receive_count"),
        r.NullableTime("dead_lettered_at"));
}
