using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace BoxOffice.Worker.Tickets.Pdf;

/// <summary>
/// Writes a small PDF 1.7 file: pages of vector drawing and standard-font text, an info dictionary, a cross-reference
/// table. Output depends only on what was drawn (no dates, no random ids), so the same input gives the same bytes.
/// </summary>
internal sealed class PdfDocumentWriter(double pageWidth, double pageHeight)
{
    private const int CatalogId = 1;
    private const int PagesId = 2;
    private const int InfoId = 3;
    private const int FirstFontId = 4;

    private readonly List<PdfCanvas> _pages = [];

    public string? Title { get; set; }

    public string? Subject { get; set; }

    public string? Keywords { get; set; }

    public PdfCanvas AddPage()
    {
        var page = new PdfCanvas(pageWidth, pageHeight);
        _pages.Add(page);
        return page;
    }

    public void WriteTo(Stream output)
    {
        var file = new ObjectWriter();
        var firstPageId = FirstFontId + PdfFont.All.Count;
        var pageIds = Enumerable.Range(0, _pages.Count).Select(i => firstPageId + (2 * i)).ToList();

        file.Object(CatalogId, $"<< /Type /Catalog /Pages {PagesId} 0 R >>");
        file.Object(PagesId, $"<< /Type /Pages /Kids [{string.Join(' ', pageIds.Select(id => $"{id} 0 R"))}] /Count {_pages.Count} >>");
        file.Object(InfoId, $"<< /Producer {Text("Box office")}{Entry("Title", Title)}{Entry("Subject", Subject)}{Entry("Keywords", Keywords)} >>");

        var fonts = new StringBuilder();
        for (var i = 0; i < PdfFont.All.Count; i++)
        {
            var font = PdfFont.All[i];
            file.Object(FirstFontId + i,
                $"<< /Type /Font /Subtype /Type1 /BaseFont /{font.BaseFont} /Encoding /WinAnsiEncoding " +
                $"/FirstChar {HelveticaMetrics.FirstCode} /LastChar 255 /Widths [{string.Join(' ', font.Widths)}] >>");
            fonts.Append(CultureInfo.InvariantCulture, $"/{font.ResourceName} {FirstFontId + i} 0 R ");
        }

        var mediaBox = string.Create(CultureInfo.InvariantCulture, $"[0 0 {pageWidth:0.###} {pageHeight:0.###}]");
        for (var i = 0; i < _pages.Count; i++)
        {
            var pageId = pageIds[i];
            file.Object(pageId,
                $"<< /Type /Page /Parent {PagesId} 0 R /MediaBox {mediaBox} /Resources << /Font << {fonts}>> >> /Contents {pageId + 1} 0 R >>");
            file.Stream(pageId + 1, Deflate(_pages[i].ToBytes()));
        }
        file.Finish(CatalogId, InfoId, output);
    }

    private static byte[] Deflate(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal))
        {
            zlib.Write(content);
        }
        return compressed.ToArray();
    }

    private static string Entry(string key, string? value) => value is null ? "" : $" /{key} {Text(value)}";

    /// <summary>A PDF text string: UTF-16BE with a byte order mark, as hex, so any Unicode text survives.</summary>
    private static string Text(string value) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    /// <summary>Numbered objects, their byte offsets and the closing cross-reference table.</summary>
    private sealed class ObjectWriter
    {
        private readonly MemoryStream _buffer = new();
        private readonly SortedDictionary<int, long> _offsets = [];

        public ObjectWriter()
        {
            // The comment's high bytes tell transfer tools the file is binary.
            Write("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
        }

        public void Object(int id, string body)
        {
            _offsets.Add(id, _buffer.Position);
            Write($"{id} 0 obj\n{body}\nendobj\n");
        }

        public void Stream(int id, byte[] deflated)
        {
            _offsets.Add(id, _buffer.Position);
            Write($"{id} 0 obj\n<< /Length {deflated.Length} /Filter /FlateDecode >>\nstream\n");
            _buffer.Write(deflated);
            Write("\nendstream\nendobj\n");
        }

        public void Finish(int rootId, int infoId, Stream output)
        {
            var xref = _buffer.Position;
            var table = new StringBuilder();
            table.Append(CultureInfo.InvariantCulture, $"xref\n0 {_offsets.Count + 1}\n0000000000 65535 f \n");
            foreach (var offset in _offsets.Values)
            {
                table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
            }
            table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {_offsets.Count + 1} /Root {rootId} 0 R /Info {infoId} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            Write(table.ToString());
            _buffer.Position = 0;
            _buffer.CopyTo(output);
        }

        private void Write(string text) => _buffer.Write(Encoding.Latin1.GetBytes(text));
    }
}
