using System.Diagnostics;
using BoxOffice.Core.Telemetry;
using Microsoft.Data.Sqlite;

namespace BoxOffice.Adapters.Local.Sqlite;

/// <summary>Commands of the local stores; each runs in a dependency span named by its statement (<c>sqlite SELECT</c>), the SQL as a tag, never the values.</summary>
internal static class SqliteCommandExtensions
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        using var activity = StartSpan(connection, sql);
        try
        {
            await using var command = connection.Command(sql, parameters);
            return await command.ExecuteNonQueryAsync(ct);
        }
        catch (Exception ex)
        {
            activity.Failed(ex);
            throw;
        }
    }

    public static async Task<List<T>> QueryAsync<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, CancellationToken ct, params (string, object?)[] parameters)
    {
        using var activity = StartSpan(connection, sql);
        try
        {
            await using var command = connection.Command(sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct)) rows.Add(map(reader));
            return rows;
        }
        catch (Exception ex)
        {
            activity.Failed(ex);
            throw;
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

    public static DateTimeOffset Time(this SqliteDataReader reader, string column) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(reader.GetOrdinal(column)));

    public static DateTimeOffset? NullableTime(this SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
    }

    public static string? NullableString(this SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static string String(this SqliteDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    public static int Int(this SqliteDataReader reader, string column) => reader.GetInt32(reader.GetOrdinal(column));

    public static long Long(this SqliteDataReader reader, string column) => reader.GetInt64(reader.GetOrdinal(column));
}
