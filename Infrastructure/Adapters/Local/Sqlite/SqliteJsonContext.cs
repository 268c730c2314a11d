using System.Text.Json.Serialization;

namespace BoxOffice.Adapters.Local.Sqlite;

/// <summary>Build-time JSON metadata of the values kept as JSON text in a column (an order's ticket codes).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
