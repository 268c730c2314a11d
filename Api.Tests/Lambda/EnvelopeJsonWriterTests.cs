using System.Buffers;
using System.Text;
using System.Text.Json;
using BoxOffice.Hosting.Lambda.AspNetCore;

namespace BoxOffice.Api.Tests.Lambda;

[Trait("Category", TestCategory.Lambda)]
public sealed class EnvelopeJsonWriterTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("é😀+/<>&'", "\"é😀+/<>&'\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("\n\r\t\b\f\u0000\u001f\u007f", "\"\\n\\r\\t\\u0008\\u000c\\u0000\\u001f\u007f\"")]
    public void Strings_are_escaped_only_where_json_requires(string value, string expected)
    {
        var written = Write(json => json.String(value));

        Assert.Equal(expected, written);
        Assert.Equal(value, JsonDocument.Parse(written).RootElement.GetString());
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        // Built at run time: a lone surrogate in an attribute argument does not survive compilation.
        var value = "high " + (char)0xD800 + " low " + (char)0xDC00 + " pair 😀";

        var written = Write(json => json.String(value));

        Assert.Equal("\"high \uFFFD low \uFFFD pair 😀\"", written);
        Assert.Equal("high \uFFFD low \uFFFD pair 😀", JsonDocument.Parse(written).RootElement.GetString());
    }

    [Fact]
    public void Objects_arrays_and_values_are_separated_as_json()
    {
        var written = Write(json =>
        {
            json.StartObject();
            json.PropertyName("n"u8);
            json.Number(-42);
            json.PropertyName("a"u8);
            json.StartArray();
            json.Null();
            json.Boolean(true);
            json.Base64String([0xfb, 0xff]);
            json.StartObject();
            json.EndObject();
            json.EndArray();
            json.PropertyName("Name \"quoted\"");
            json.Utf8String("ü"u8);
            json.EndObject();
        });

        Assert.Equal("{\"n\":-42,\"a\":[null,true,\"+/8=\",{}],\"Name \\\"quoted\\\"\":\"ü\"}", written);
    }

    private static string Write(Action<EnvelopeJsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(new EnvelopeJsonWriter(output));
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
