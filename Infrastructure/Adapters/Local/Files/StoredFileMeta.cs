using System.Text.Json.Serialization;

namespace BoxOffice.Adapters.Local.Files;

/// <summary>What is kept next to a stored file (<c>name.meta</c>): its content type.</summary>
internal sealed record StoredFileMeta(string ContentType);

[JsonSerializable(typeof(StoredFileMeta))]
internal sealed partial class LocalFilesJsonContext : JsonSerializerContext;
