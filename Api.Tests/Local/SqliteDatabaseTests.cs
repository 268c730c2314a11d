using BoxOffice.Adapters.Local.Sqlite;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BoxOffice.Api.Tests.Local;

/// <summary>Connections kept open between uses, with statements prepared once, leave no state from one use to the next.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private const string Insert = "INSERT INTO items (id, n) VALUES ($id, $n)";
    private const string Select = "SELECT id FROM items WHERE n >= $min ORDER BY id";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "boxoffice-sqlite-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _db;

    public SqliteDatabaseTests() =>
        _db = new SqliteDatabase(Path.Combine(_folder, "test.db"), "CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, n INTEGER NOT NULL);");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_connection_handed_back_is_the_next_one_opened_and_its_prepared_statements_take_new_values()
    {
        SqliteConnection first;
        await using (var connection = await _db.OpenAsync(default))
        {
            first = connection;
            await connection.ExecuteAsync(Insert, default, ("$id", "a"), ("$n", 1));
            await connection.ExecuteAsync(Insert, default, ("$id", "b"), ("$n", 2));
            Assert.Equal(["a", "b"], await IdsAsync(connection, 0));
        }

        await using var again = await _db.OpenAsync(default);
        Assert.Same(first, again);
        Assert.Equal(["b"], await IdsAsync(again, 2));
        Assert.Empty(await IdsAsync(again, 3));
    }

    [Fact]
    public async Task Prepared_statements_join_the_transaction_that_is_open_and_a_rolled_back_one_leaves_nothing()
    {
        await using (var connection = await _db.OpenAsync(default))
        {
            await connection.ExecuteAsync(Insert, default, ("$id", "outside"), ("$n", 1)); // prepared outside any transaction
            await using (var tx = connection.BeginTransaction())
            {
                await connection.ExecuteAsync(Insert, default, ("$id", "committed"), ("$n", 1));
                await tx.CommitAsync();
            }
            await using (var tx = connection.BeginTransaction())
            {
                await connection.ExecuteAsync(Insert, default, ("$id", "rolled back"), ("$n", 1));
                await tx.RollbackAsync();
            }
            await connection.ExecuteAsync(Insert, default, ("$id", "after"), ("$n", 1));
        }

        await using var reader = await _db.OpenAsync(default);
        Assert.Equal(["after", "committed", "outside"], await IdsAsync(reader, 0));
    }

    [Fact]
    public async Task A_connection_disposed_inside_a_transaction_is_closed_not_reused_and_its_writes_are_gone()
    {
        SqliteConnection abandoned;
        await using (var connection = await _db.OpenAsync(default))
        {
            abandoned = connection;
            connection.BeginTransaction();
            await connection.ExecuteAsync(Insert, default, ("$id", "abandoned"), ("$n", 1));
        }

        await using var next = await _db.OpenAsync(default);
        Assert.NotSame(abandoned, next);
        await using (var tx = next.BeginTransaction()) // the write lock was let go
        {
            await next.ExecuteAsync(Insert, default, ("$id", "next"), ("$n", 1));
            await tx.CommitAsync();
        }
        Assert.Equal(["next"], await IdsAsync(next, 0));
    }

    [Fact]
    public async Task A_statement_that_failed_is_prepared_afresh_and_works_with_good_values()
    {
        await using var connection = await _db.OpenAsync(default);
        await connection.ExecuteAsync(Insert, default, ("$id", "x"), ("$n", 1));

        var duplicate = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(Insert, default, ("$id", "x"), ("$n", 2)));
        Assert.Equal(19, duplicate.SqliteErrorCode); // SQLITE_CONSTRAINT
        await connection.ExecuteAsync(Insert, default, ("$id", "y"), ("$n", 2));

        Assert.Equal(["x", "y"], await IdsAsync(connection, 0));
    }

    [Fact]
    public async Task Connections_plan_queries_without_looking_at_bound_values_so_kept_statements_stay_prepared()
    {
        await using var connection = await _db.OpenAsync(default);

        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_db_config(connection.Handle, 1007, -1, out var stablePlans)); // SQLITE_DBCONFIG_ENABLE_QPSG, -1 reads it
        Assert.Equal(1, stablePlans);
    }

    private static async Task<List<string>> IdsAsync(SqliteConnection connection, int min) =>
        await connection.QueryAsync(Select, reader => reader.GetString(0), default, ("$min", min));
}
