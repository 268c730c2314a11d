using System.Text.Json.Serialization;

namespace BoxOffice.Core.Paging;

/// <summary>Build-time JSON metadata of a cursor's position (<see cref="CursorCodec"/>).</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CursorJsonContext : JsonSerializerContext;
