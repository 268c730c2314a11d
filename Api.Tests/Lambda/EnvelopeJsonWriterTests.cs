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
    public void Long_text_is_escaped_alike_across_the_blocks_it_is_written_in()
    {
        // 40,000 characters (several 4 KB blocks), escapes everywhere, some on block edges, multi-byte characters too,
        // and plain runs shorter and longer than the writer copies byte by byte before it searches.
        var random = new Random(13);
        string[] pieces = ["\"", "\\", "\n", "\u0001", "é", "😀", "plain text ", "{\"key\":\"value\"}",
            new('x', 31), new('y', 32), new('z', 33), new('w', 500)];
        var value = new StringBuilder();
        while (value.Length < 40_000) value.Append(pieces[random.Next(pieces.Length)]);
        var text = value.ToString();

        var written = Write(json => json.Utf8String(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(text, JsonDocument.Parse(written).RootElement.GetString());
        Assert.Equal(Write(json => json.String(text)), written);
        var escapes = text.Count(c => c is '"' or '\\' or '\n') + (text.Count(c => c == '\u0001') * 5);
        Assert.Equal(Encoding.UTF8.GetByteCount(text) + escapes + 2, Encoding.UTF8.GetByteCount(written));
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
