using System.Globalization;

namespace BoxOffice.Worker.Tickets.Pdf;

internal readonly record struct PdfColor(byte R, byte G, byte B)
{
    public static PdfColor Black { get; } = new(0, 0, 0);

    public static PdfColor White { get; } = new(255, 255, 255);

    /// <summary>The three operands of the <c>rg</c>/<c>RG</c> operators.</summary>
    public string Operands => string.Create(CultureInfo.InvariantCulture, $"{R / 255.0:0.###} {G / 255.0:0.###} {B / 255.0:0.###}");
}
