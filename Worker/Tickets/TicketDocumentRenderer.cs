using BoxOffice.Worker.Tickets.Pdf;

namespace BoxOffice.Worker.Tickets;

/// <summary>
/// Renders a ticket document as a PDF: one A5 landscape page per ticket code, each with its QR code. Text uses the
/// PDF standard fonts, so rendering needs no font files (Lambda has none) and the output stays a few KB per ticket.
/// </summary>
public sealed class TicketDocumentRenderer
{
    public const string ContentType = "application/pdf";

    public byte[] Render(TicketDocument ticket)
    {
        using var output = new MemoryStream();
        Render(ticket, output);
        return output.ToArray();
    }

    public void Render(TicketDocument ticket, Stream output)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(output);
        if (ticket.Codes.Count == 0)
        {
            throw new ArgumentException("A ticket document needs at least one ticket code.", nameof(ticket));
        }

        var pdf = new PdfDocumentWriter(TicketPage.Width, TicketPage.Height)
        {
            Title = $"Tickets: {ticket.ShowTitle}",
            Subject = $"Order {ticket.OrderId}",
            Keywords = string.Join(' ', ticket.Codes),
        };
        for (var index = 0; index < ticket.Codes.Count; index++)
        {
            TicketPage.Draw(pdf.AddPage(), ticket, index);
        }
        pdf.WriteTo(output);
    }
}
