namespace BoxOffice.Worker.Tickets.Pdf;

/// <summary>
/// One of the PDF standard fonts: every reader supplies it, so nothing is embedded and rendering needs no font files.
/// </summary>
internal sealed class PdfFont
{
    public static readonly PdfFont Helvetica = new("F1", "Helvetica", HelveticaMetrics.Regular.ToArray());
    public static readonly PdfFont HelveticaBold = new("F2", "Helvetica-Bold", HelveticaMetrics.Bold.ToArray());

    public static IReadOnlyList<PdfFont> All { get; } = [Helvetica, HelveticaBold];

    private readonly short[] _widths;

    private PdfFont(string resourceName, string baseFont, short[] widths)
    {
        ResourceName = resourceName;
        BaseFont = baseFont;
        _widths = widths;
    }

    /// <summary>Name of the font in a page's resources, e.g. <c>F1</c>.</summary>
    public string ResourceName { get; }

    public string BaseFont { get; }

    public IReadOnlyList<short> Widths => _widths;

    /// <summary>Width of <paramref name="text"/> in points at <paramref name="size"/>.</summary>
    public double Measure(string text, double size)
    {
        var units = 0;
        foreach (var code in WinAnsi.Encode(text))
        {
            units += _widths[code - HelveticaMetrics.FirstCode];
        }
        return units * size / 1000;
    }
}
