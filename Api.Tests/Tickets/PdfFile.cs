using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace BoxOffice.Api.Tests.Tickets;

/// <summary>
/// A deliberately independent, minimal PDF reader for tests: follows the trailer and cross-reference table,
/// resolves the page tree and inflates page content streams, so tests check the file as a reader sees it.
/// </summary>
internal sealed partial class PdfFile
{
    private readonly byte[] _bytes;
    private readonly string _text;
    private readonly Dictionary<int, int> _offsets = [];

    public PdfFile(byte[] bytes)
    {
        _bytes = bytes;
        _text = Encoding.Latin1.GetString(bytes);
        var startXref = int.Parse(StartXref().Matches(_text)[^1].Groups[1].Value);
        Assert.StartsWith("xref", _text[startXref..]);
        var lines = _text[startXref..].Split('\n');
        var header = lines[1].Split(' ');
        var count = int.Parse(header[1]);
        for (var id = 1; id < count; id++)
        {
            var entry = lines[2 + id];
            Assert.Equal('n', entry[17]);
            _offsets[id] = int.Parse(entry[..10]);
            Assert.StartsWith($"{id} 0 obj", _text[_offsets[id]..]);
        }
        Trailer = _text[_text.LastIndexOf("trailer", StringComparison.Ordinal)..];
    }

    public string Trailer { get; }

    public int ObjectCount => _offsets.Count;

    public string Object(int id)
    {
        var start = _offsets[id];
        var end = _text.IndexOf("endobj", start, StringComparison.Ordinal);
        return _text[start..end];
    }

    public string Catalog => Object(Reference(Trailer, "Root"));

    public string Info => Object(Reference(Trailer, "Info"));

    public IReadOnlyList<string> Pages
    {
        get
        {
            var pages = Object(Reference(Catalog, "Pages"));
            var kids = Kids().Match(pages).Groups[1].Value;
            return [.. ObjectReference().Matches(kids).Select(m => Object(int.Parse(m.Groups[1].Value)))];
        }
    }

    /// <summary>The inflated content stream of a page.</summary>
    public string Content(string page)
    {
        var stream = Object(Reference(page, "Contents"));
        var length = int.Parse(LengthEntry().Match(stream).Groups[1].Value);
        Assert.Contains("/FlateDecode", stream);
        var dataStart = _offsets[Reference(page, "Contents")] + stream.IndexOf("stream\n", StringComparison.Ordinal) + "stream\n".Length;
        Assert.Equal("\nendstream", _text.Substring(dataStart + length, "\nendstream".Length));
        using var inflated = new ZLibStream(new MemoryStream(_bytes, dataStart, length), CompressionMode.Decompress);
        using var reader = new StreamReader(inflated, Encoding.Latin1);
        return reader.ReadToEnd();
    }

    /// <summary>Decodes a UTF-16BE hex text string entry of a dictionary, e.g. /Title in the info dictionary.</summary>
    public static string TextEntry(string dictionary, string key)
    {
        var hex = Regex.Match(dictionary, $@"/{key} <FEFF([0-9A-F]*)>").Groups[1].Value;
        return Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));
    }

    private static int Reference(string dictionary, string key) =>
        int.Parse(Regex.Match(dictionary, $@"/{key} (\d+) 0 R").Groups[1].Value);

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Kids \[([^\]]*)\]")]
    private static partial Regex Kids();

    [GeneratedRegex(@"(\d+) 0 R")]
    private static partial Regex ObjectReference();

    [GeneratedRegex(@"/Length (\d+)")]
    private static partial Regex LengthEntry();
}
