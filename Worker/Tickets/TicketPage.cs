using System.Globalization;
using BoxOffice.Worker.Tickets.Pdf;

namespace BoxOffice.Worker.Tickets;

/// <summary>Lays out one ticket on an A5 landscape page: show details on the left, the code's QR code on the right.</summary>
internal static class TicketPage
{
    public const double Width = 595.28;
    public const double Height = 419.53;

    private const double Margin = 36;
    private const double BandHeight = 56;
    private const double QrSize = 168;

    private static readonly PdfColor Ink = new(33, 37, 41);
    private static readonly PdfColor Muted = new(108, 117, 125);
    private static readonly PdfColor Accent = new(23, 42, 82);

    public static void Draw(PdfCanvas page, TicketDocument ticket, int index)
    {
        var code = ticket.Codes[index];

        page.FillRectangle(0, 0, Width, BandHeight, Accent);
        page.Text(Margin, 34, PdfFont.HelveticaBold, 16, PdfColor.White, "BOX OFFICE");
        var counter = $"ADMIT ONE  \u00B7  TICKET {index + 1} OF {ticket.Codes.Count}";
        RightAligned(page, Width - Margin, 33, PdfFont.Helvetica, 10, PdfColor.White, counter);

        var qrLeft = Width - Margin - QrSize;
        var textWidth = qrLeft - Margin - 24;

        var y = BandHeight + 42;
        var titleSize = TitleSize(ticket.ShowTitle, textWidth);
        page.Text(Margin, y, PdfFont.HelveticaBold, titleSize, Ink, Truncate(ticket.ShowTitle, PdfFont.HelveticaBold, titleSize, textWidth));
        y += 30;

        var starts = ticket.StartsAt;
        y = Field(page, "VENUE", ticket.Venue, y, textWidth);
        y = Field(page, "DATE", starts.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture), y, textWidth);
        y = Field(page, "TIME", $"{starts.ToString("HH:mm", CultureInfo.InvariantCulture)} ({Offset(starts.Offset)})", y, textWidth);
        y = Field(page, "TICKET HOLDER", ticket.Buyer, y, textWidth);
        Field(page, "ORDER", ticket.OrderId, y, textWidth);

        var qrTop = BandHeight + 26;
        TicketQrCode.Draw(page, TicketQrCode.Modules(code), qrLeft, qrTop, QrSize);
        var codeWidth = PdfFont.HelveticaBold.Measure(code, 15);
        page.Text(qrLeft + ((QrSize - codeWidth) / 2), qrTop + QrSize + 22, PdfFont.HelveticaBold, 15, Ink, code);

        var footer = Height - Margin;
        page.Line(Margin, footer - 20, Width - Margin, footer - 20, 0.6, Muted, dash: 3);
        page.Text(Margin, footer, PdfFont.Helvetica, 9, Muted, "Show this code at the entrance. Each code admits one person, once.");
    }

    private static double Field(PdfCanvas page, string label, string value, double y, double width)
    {
        page.Text(Margin, y, PdfFont.HelveticaBold, 7.5, Muted, label);
        page.Text(Margin, y + 16, PdfFont.Helvetica, 12.5, Ink, Truncate(value, PdfFont.Helvetica, 12.5, width));
        return y + 38;
    }

    /// <summary>The largest size from 24 down to 16 points at which the title fits on one line.</summary>
    private static double TitleSize(string title, double width)
    {
        var size = 24.0;
        while (size > 16 && PdfFont.HelveticaBold.Measure(title, size) > width)
        {
            size -= 1;
        }
        return size;
    }

    private static string Truncate(string text, PdfFont font, double size, double width)
    {
        if (font.Measure(text, size) <= width)
        {
            return text;
        }
        var length = text.Length;
        while (length > 0 && font.Measure(text[..length] + "\u2026", size) > width)
        {
            length--;
        }
        return text[..length].TrimEnd() + "\u2026";
    }

    private static void RightAligned(PdfCanvas page, double right, double baseline, PdfFont font, double size, PdfColor color, string text) =>
        page.Text(right - font.Measure(text, size), baseline, font, size, color, text);

    private static string Offset(TimeSpan offset) =>
        offset == TimeSpan.Zero
            ? "UTC"
            : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
