using System.Text.Json;
using System.Text.Json.Serialization;

namespace BoxOffice.Api.Json;

/// <summary>
/// Reads a point in time only with its offset (<c>Z</c> or <c>+02:00</c>): ISO 8601 without one names no instant,
/// and the serializer would take it as the server's local time. Written as the serializer writes it.
/// </summary>
public sealed class OffsetRequiredConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The reader parses ISO 8601 itself; a value it reads as DateTime kind Unspecified carried no offset.
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTime(out var time) || time.Kind == DateTimeKind.Unspecified)
            throw new JsonException();
        return reader.GetDateTimeOffset();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
