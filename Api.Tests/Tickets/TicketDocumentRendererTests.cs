using BoxOffice.Worker.Tickets;

namespace BoxOffice.Api.Tests.Tickets;

public sealed class TicketDocumentRendererTests
{
    private static readonly TicketDocumentRenderer Renderer = new();

    private static TicketDocument Sample(int quantity) => new(
        "The Marriage of Figaro",
        "Royal Opera House, London",
        new DateTimeOffset(2026, 3, 14, 19, 30, 0, TimeSpan.FromHours(1)),
        "order-42",
        "ada.lovelace",
        TicketCodes.For("order-42", quantity));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void Renders_a_pdf_with_one_page_per_ticket(int quantity)
    {
        var bytes = Renderer.Render(Sample(quantity));

        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        var pdf = new PdfFile(bytes);
        Assert.Equal(quantity, pdf.Pages.Count);
        Assert.All(pdf.Pages, page => Assert.Contains("/Type /Page ", page));
    }

    [Fact]
    public void Each_page_shows_its_own_code_and_the_show_details()
    {
        var ticket = Sample(3);
        var pdf = new PdfFile(Renderer.Render(ticket));

        for (var i = 0; i < 3; i++)
        {
            var texts = ContentOperations.Texts(ContentOperations.Parse(pdf.Content(pdf.Pages[i])));
            Assert.Contains(ticket.Codes[i], texts);
            Assert.DoesNotContain(ticket.Codes[(i + 1) % 3], texts);
            Assert.Contains("The Marriage of Figaro", texts);
            Assert.Contains("Royal Opera House, London", texts);
            Assert.Contains("Saturday 14 March 2026", texts);
            Assert.Contains("19:30 (UTC+01:00)", texts);
            Assert.Contains("ada.lovelace", texts);
            Assert.Contains("order-42", texts);
            Assert.Contains($"ADMIT ONE  \u00B7  TICKET {i + 1} OF 3", texts);
        }
    }

    [Fact]
    public void Each_page_carries_the_qr_matrix_of_its_code()
    {
        var ticket = Sample(2);
        var pdf = new PdfFile(Renderer.Render(ticket));

        for (var i = 0; i < 2; i++)
        {
            var drawn = QrMatrix.FromContent(ContentOperations.Parse(pdf.Content(pdf.Pages[i])));
            Assert.Equal(TicketQrCode.Modules(ticket.Codes[i]), drawn);
        }
    }

    [Fact]
    public void Qr_modules_are_a_whole_qr_symbol_per_code()
    {
        var first = TicketQrCode.Modules("1YK7-K2BX-1T59");
        var second = TicketQrCode.Modules("CM4M-7BRW-8R7E");

        var size = first.GetLength(0);
        Assert.Equal(size, first.GetLength(1));
        Assert.True(size >= 21 && (size - 17) % 4 == 0, $"{size} is not a QR symbol size (21, 25, 29... for versions 1, 2, 3...)");
        Assert.True(first[0, 0] && first[0, size - 1] && first[size - 1, 0]); // finder patterns' corners
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Rendering_twice_gives_identical_bytes()
    {
        Assert.Equal(Renderer.Render(Sample(2)), Renderer.Render(Sample(2)));
    }

    [Fact]
    public async Task Renders_concurrently_without_shared_state()
    {
        var expected = Renderer.Render(Sample(3));

        var renders = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Renderer.Render(Sample(3)))));

        Assert.All(renders, bytes => Assert.Equal(expected, bytes));
    }

    [Fact]
    public void Document_info_names_the_show_order_and_codes_in_unicode()
    {
        var ticket = Sample(2) with { ShowTitle = "Ευρυδίκη (live)" };
        var pdf = new PdfFile(Renderer.Render(ticket));

        Assert.Equal("Tickets: Ευρυδίκη (live)", PdfFile.TextEntry(pdf.Info, "Title"));
        Assert.Equal("Order order-42", PdfFile.TextEntry(pdf.Info, "Subject"));
        Assert.Equal(string.Join(' ', ticket.Codes), PdfFile.TextEntry(pdf.Info, "Keywords"));
    }

    [Fact]
    public void Special_and_non_latin_characters_are_escaped_or_replaced_never_break_the_file()
    {
        var ticket = Sample(1) with { ShowTitle = @"Rock (live) \ encore", Venue = "Zürich – Москва €" };
        var pdf = new PdfFile(Renderer.Render(ticket));

        var texts = ContentOperations.Texts(ContentOperations.Parse(pdf.Content(pdf.Pages[0])));
        Assert.Contains(@"Rock (live) \ encore", texts);
        Assert.Contains("Zürich – ?????? €", texts);
    }

    [Fact]
    public void A_title_too_long_for_the_line_is_cut_with_an_ellipsis()
    {
        var title = string.Concat(Enumerable.Repeat("A very long show title ", 10));
        var pdf = new PdfFile(Renderer.Render(Sample(1) with { ShowTitle = title }));

        var texts = ContentOperations.Texts(ContentOperations.Parse(pdf.Content(pdf.Pages[0])));
        var shown = Assert.Single(texts, t => t.StartsWith("A very long", StringComparison.Ordinal));
        Assert.EndsWith("\u2026", shown);
        Assert.True(shown.Length < title.Length / 2);
    }

    [Fact]
    public void Refuses_a_document_without_tickets()
    {
        Assert.Throws<ArgumentException>(() => Renderer.Render(Sample(1) with { Codes = [] }));
    }
}
