using System.Globalization;
using System.Text;

namespace BoxOffice.Worker.Tickets.Pdf;

/// <summary>
/// The content stream of one page, drawn with the origin at the top-left corner and y growing downwards
/// (PDF's own origin is bottom-left; the flip happens here). Lengths are in points.
/// </summary>
internal sealed class PdfCanvas
{
    private readonly StringBuilder _operators = new();

    public PdfCanvas(double width, double height)
    {
        Width = width;
        Height = height;
    }

    public double Width { get; }

    public double Height { get; }

    public void FillRectangle(double x, double y, double width, double height, PdfColor color) =>
        FillRectangles([new Rectangle(x, y, width, height)], color);

    /// <summary>Fills all rectangles as one path, so touching rectangles show no seams between them.</summary>
    public void FillRectangles(IEnumerable<Rectangle> rectangles, PdfColor color)
    {
        Append($"{color.Operands} rg");
        foreach (var r in rectangles)
        {
            Append($"{N(r.X)} {N(Height - r.Y - r.Height)} {N(r.Width)} {N(r.Height)} re");
        }
        Append("f");
    }

    public void Line(double x1, double y1, double x2, double y2, double lineWidth, PdfColor color, double dash = 0)
    {
        var pattern = dash > 0 ? $"[{N(dash)}] 0" : "[] 0";
        Append($"{color.Operands} RG {N(lineWidth)} w {pattern} d {N(x1)} {N(Height - y1)} m {N(x2)} {N(Height - y2)} l S");
    }

    /// <summary>Draws <paramref name="text"/> with its baseline at <paramref name="baseline"/>.</summary>
    public void Text(double x, double baseline, PdfFont font, double size, PdfColor color, string text) =>
        Append($"BT /{font.ResourceName} {N(size)} Tf {color.Operands} rg {N(x)} {N(Height - baseline)} Td {Literal(text)} Tj ET");

    public byte[] ToBytes() => Encoding.ASCII.GetBytes(_operators.ToString());

    private void Append(string line) => _operators.Append(line).Append('\n');

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A PDF literal string of the WinAnsi bytes; anything outside printable ASCII is an octal escape.</summary>
    private static string Literal(string text)
    {
        var literal = new StringBuilder("(");
        foreach (var b in WinAnsi.Encode(text))
        {
            if (b is (byte)'(' or (byte)')' or (byte)'\\')
            {
                literal.Append('\\').Append((char)b);
            }
            else if (b is < 32 or > 126)
            {
                literal.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
            }
            else
            {
                literal.Append((char)b);
            }
        }
        return literal.Append(')').ToString();
    }

    public readonly record struct Rectangle(double X, double Y, double Width, double Height);
}
