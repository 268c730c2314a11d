using System.Data;
using Microsoft.Data.Sqlite;

namespace BoxOffice.Adapters.Local.Sqlite;

/// <summary>
/// A connection <see cref="SqliteDatabase"/> keeps open between uses, preparing each statement text once: a new
/// command prepares its statement again, and for a listing SQLite's parse and plan cost more than the read itself.
/// Disposing it hands it back to the database, unless a transaction is still open (then it really closes).
/// </summary>
internal sealed class PooledSqliteConnection(string connectionString, Func<PooledSqliteConnection, bool> handBack) : SqliteConnection(connectionString)
{
    private const int MaxPrepared = 64;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    /// <summary>The command for <paramref name="sql"/>, its statement prepared once, its parameters cleared and in the open transaction, if any.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = CreateCommand();
            command.CommandText = sql;
            if (_prepared.Count < MaxPrepared) _prepared.Add(sql, command);
            return command;
        }
        command.Parameters.Clear();
        command.Transaction = OpenTransaction;
        return command;
    }

    /// <summary>Whether <paramref name="command"/> stays with this connection (else the caller disposes it); one that failed is let go.</summary>
    public bool Keeps(SqliteCommand command, bool failed)
    {
        if (!_prepared.TryGetValue(command.CommandText, out var kept) || !ReferenceEquals(kept, command)) return false;
        if (failed) _prepared.Remove(command.CommandText);
        return !failed;
    }

    public override SqliteTransaction BeginTransaction(IsolationLevel isolationLevel, bool deferred) =>
        _transaction = base.BeginTransaction(isolationLevel, deferred);

    // A committed or rolled back transaction lets go of its connection.
    private SqliteTransaction? OpenTransaction => _transaction?.Connection is null ? null : _transaction;

    protected override void Dispose(bool disposing)
    {
        if (disposing && State == ConnectionState.Open && OpenTransaction is null && handBack(this)) return;
        foreach (var command in _prepared.Values) command.Dispose();
        _prepared.Clear();
        base.Dispose(disposing);
    }
}
