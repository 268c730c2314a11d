using System.Diagnostics;
using BoxOffice.Core.Telemetry;
using Microsoft.Data.Sqlite;

namespace BoxOffice.Adapters.Local.Sqlite;

/// <summary>Commands of the local stores; each runs in a dependency span named by its statement (<c>sqlite SELECT</c>), the SQL as a tag, never the values.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>A command for <paramref name="sql"/> with <paramref name="parameters"/>; <see cref="RunAsync"/> gives it back.</summary>
    private static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        SqliteCommand command;
        if (connection is PooledSqliteConnection pooled) command = pooled.Command(sql);
        else
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
        }
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken ct, params (string, object?)[] parameters) =>
        connection.RunAsync(sql, parameters, static (command, ct) => command.ExecuteNonQueryAsync(ct), ct);

    public static Task<List<T>> QueryAsync<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, CancellationToken ct, params (string, object?)[] parameters) =>
        connection.RunAsync(sql, parameters, async (command, ct) =>
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct)) rows.Add(map(reader));
            return rows;
        }, ct);

    /// <summary>
    /// Runs <paramref name="sql"/> in its span; the command goes back to its connection afterwards (disposed unless the
    /// connection keeps it prepared; one that failed is not kept).
    /// </summary>
    private static async Task<TResult> RunAsync<TResult>(this SqliteConnection connection, string sql, (string, object?)[] parameters,
        Func<SqliteCommand, CancellationToken, Task<TResult>> run, CancellationToken ct)
    {
        using var activity = StartSpan(connection, sql);
        var command = connection.Command(sql, parameters);
        var failed = false;
        try
        {
            return await run(command, ct);
        }
        catch (Exception ex)
        {
            failed = true;
            activity.Failed(ex);
            throw;
        }
        finally
        {
            if (connection is not PooledSqliteConnection pooled || !pooled.Keeps(command, failed)) await command.DisposeAsync();
        }
    }

    private static Activity? StartSpan(SqliteConnection connection, string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = text.IndexOfAny(' ', '\n', '(');
        var verb = end > 0 ? text[..end] : text;
        var activity = BoxOfficeActivities.Source.StartActivity($"sqlite {verb}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", "sqlite");
            activity.SetTag("db.namespace", Path.GetFileName(connection.DataSource));
            activity.SetTag("db.query.text", sql);
        }
        return activity;
    }

    public static long Millis(this DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset Time(this SqliteDataReader reader, string column) => reader.Time(reader.GetOrdinal(column));

    public static DateTimeOffset Time(this SqliteDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? NullableTime(this SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
    }

    public static string? NullableString(this SqliteDataReader reader, string column) => reader.NullableString(reader.GetOrdinal(column));

    public static string? NullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static string String(this SqliteDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    public static int Int(this SqliteDataReader reader, string column) => reader.GetInt32(reader.GetOrdinal(column));

    public static long Long(this SqliteDataReader reader, string column) => reader.GetInt64(reader.GetOrdinal(column));
}
