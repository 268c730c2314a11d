using BoxOffice.Core.Dependencies;
using Microsoft.Data.Sqlite;

namespace BoxOffice.Adapters.Local.Sqlite;

/// <summary>SQLite's busy and locked errors: another writer held the file longer than the connection's busy timeout.</summary>
internal sealed class SqliteTransientFailures : ITransientFailures
{
    private const int Busy = 5;
    private const int Locked = 6;

    public bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // The primary result code is the low byte of an extended one (SQLITE_BUSY_SNAPSHOT is 517).
            if (e is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is Busy or Locked) return true;
        }
        return false;
    }
}
