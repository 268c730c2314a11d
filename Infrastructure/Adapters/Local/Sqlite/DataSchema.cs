using Microsoft.Data.Sqlite;

namespace BoxOffice.Adapters.Local.Sqlite;

/// <summary>
/// Tables of the local data file. Times are unix milliseconds so they sort; money is invariant text. A show's
/// <c>poster_key</c> is its published poster, <c>poster_upload_key</c> the latest upload.
/// </summary>
internal static class DataSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS shows (
            show_id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            venue TEXT NOT NULL,
            starts_at INTEGER NOT NULL,
            capacity INTEGER NOT NULL,
            seats_available INTEGER NOT NULL CHECK (seats_available >= 0 AND seats_available <= capacity),
            price TEXT NOT NULL,
            status TEXT NOT NULL,
            poster_status TEXT NOT NULL,
            poster_key TEXT,
            poster_upload_key TEXT,
            poster_rejection_reason TEXT,
            version INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS shows_by_status_date ON shows (status, starts_at, show_id);
        CREATE INDEX IF NOT EXISTS shows_by_date ON shows (starts_at, show_id);
        CREATE TABLE IF NOT EXISTS orders (
            order_id TEXT PRIMARY KEY,
            show_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            holder_name TEXT,
            quantity INTEGER NOT NULL,
            unit_price TEXT NOT NULL,
            status TEXT NOT NULL,
            ticket_codes TEXT NOT NULL,
            document_key TEXT,
            cancel_reason TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS orders_by_user ON orders (user_id, created_at, order_id);
        CREATE INDEX IF NOT EXISTS orders_by_show ON orders (show_id, created_at, order_id);
        CREATE INDEX IF NOT EXISTS orders_pending ON orders (created_at, order_id) WHERE status = 'Pending';
        CREATE TABLE IF NOT EXISTS idempotency (
            user_id TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            request_hash TEXT NOT NULL,
            order_id TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            PRIMARY KEY (user_id, idempotency_key));
        CREATE TABLE IF NOT EXISTS reports (
            report_id TEXT PRIMARY KEY,
            requested_by TEXT NOT NULL,
            status TEXT NOT NULL,
            file_key TEXT,
            error TEXT,
            requested_at INTEGER NOT NULL,
            completed_at INTEGER);
        """;

    /// <summary>
    /// Brings a data file made before posters kept their upload apart: adds the columns and, for a pending poster,
    /// moves its key (then the upload itself, never inspected) out of <c>poster_key</c>, which is now only ever served.
    /// In one transaction, so a file is never left half upgraded.
    /// </summary>
    public static async Task UpgradeAsync(SqliteConnection connection, CancellationToken ct)
    {
        var columns = await connection.QueryAsync("SELECT name FROM pragma_table_info('shows')", r => r.String("name"), ct);
        if (columns.Contains("poster_upload_key") && columns.Contains("poster_rejection_reason")) return;
        await using var tx = connection.BeginTransaction();
        if (!columns.Contains("poster_upload_key"))
        {
            await connection.ExecuteAsync("ALTER TABLE shows ADD COLUMN poster_upload_key TEXT", ct);
            await connection.ExecuteAsync("UPDATE shows SET poster_upload_key = poster_key, poster_key = NULL WHERE poster_status = 'Pending'", ct);
        }
        if (!columns.Contains("poster_rejection_reason"))
            await connection.ExecuteAsync("ALTER TABLE shows ADD COLUMN poster_rejection_reason TEXT", ct);
        await tx.CommitAsync(ct);
    }
}
