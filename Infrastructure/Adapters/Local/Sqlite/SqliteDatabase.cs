using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BoxOffice.Adapters.Local.Sqlite;

/// <summary>One SQLite file: keeps connections open between uses (<see cref="PooledSqliteConnection"/>) in WAL mode and creates its schema once (then upgrades an older file).</summary>
internal sealed class SqliteDatabase
{
    private const int MaxIdle = 8;
    private const int SqliteStablePlans = 1007; // SQLITE_DBCONFIG_ENABLE_QPSG
    private readonly string _connectionString;
    private readonly string _schema;
    private readonly Func<SqliteConnection, CancellationToken, Task>? _upgrade;
    private readonly SemaphoreSlim _init = new(1, 1);
    private readonly ConcurrentBag<PooledSqliteConnection> _idle = [];
    private volatile bool _ready;

    public SqliteDatabase(string path, string schema, Func<SqliteConnection, CancellationToken, Task>? upgrade = null)
    {
        _upgrade = upgrade;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30, // also how long a command retries while another writer holds the lock
        }.ToString();
        _schema = schema;
    }

    /// <summary>An open connection, one handed back before if there is one; dispose it to hand it back.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        if (_idle.TryTake(out var idle)) return idle;
        var connection = new PooledSqliteConnection(_connectionString, HandBack);
        await connection.OpenAsync(ct);
        // The query planner's stability guarantee: plans never depend on bound values, so SQLite does not prepare a
        // kept statement again whenever its range bounds change (as it would for one like the listing's).
        var planned = raw.sqlite3_db_config(connection.Handle, SqliteStablePlans, 1, out _);
        if (planned != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite refused stable query plans (error {planned}).");
        if (!_ready) await CreateSchemaAsync(connection, ct);
        return connection;
    }

    private bool HandBack(PooledSqliteConnection connection)
    {
        if (_idle.Count >= MaxIdle) return false;
        _idle.Add(connection);
        return true;
    }

    private async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken ct)
    {
        await _init.WaitAsync(ct);
        try
        {
            if (_ready) return;
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", ct);
            await ExecuteAsync(connection, _schema, ct);
            if (_upgrade is not null) await _upgrade(connection, ct);
            _ready = true;
        }
        finally
        {
            _init.Release();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
