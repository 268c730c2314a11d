using BoxOffice.Worker.Tickets;

namespace BoxOffice.Api.Tests.Browser;

/// <summary>
/// The site's own QR encoder (Web/assets/js/qr.js), run in the page, against QRCoder's matrix for the same text.
/// Ours writes one segment per text; QRCoder switches modes mid-text when that is shorter, so the byte-mode texts
/// here have no long upper-case run (ticket codes, all alphanumeric, are one segment in both).
/// </summary>
public sealed class QrCodeTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("7MQ4-ZX2K-9D0P")] // a ticket code: alphanumeric mode, version 1
    [InlineData("0123456789012345")] // numeric mode
    [InlineData("https://box-office.example/tickets/order-42")] // byte mode, version 3
    [InlineData("Box office ticket for Hamlet at the Globe Theatre, seat 14, row F: keep this code safe and show it at the door.")] // version 6+
    [InlineData("The same text, long enough to need a version 7 symbol with its version information blocks placed in two corners of the code!!")]
    public async Task The_page_draws_the_matrix_qrcoder_draws(string text)
    {
        await Page.GotoAsync("/");
        var fromPage = await Page.EvaluateAsync<bool[][]>("async text => (await import('/assets/js/qr.js')).encode(text)", text);
        var expected = TicketQrCode.Modules(text);
        var size = expected.GetLength(0);
        Assert.Equal(size, fromPage.Length);
        var differences = new List<string>();
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                if (fromPage[row][column] != expected[row, column]) differences.Add($"({row},{column})");
            }
        }
        Assert.True(differences.Count == 0, $"version {(size - 17) / 4}: {differences.Count} modules differ, first {string.Join(" ", differences.Take(10))}");
    }
}

public sealed class QrTicketCodeTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Every_ticket_code_of_an_order_matches_qrcoder()
    {
        var codes = TicketCodes.For("order-for-the-qr-test", 40);
        await Page.GotoAsync("/");
        var fromPage = await Page.EvaluateAsync<bool[][][]>("async codes => { const qr = await import('/assets/js/qr.js'); return codes.map(qr.encode); }", codes);
        for (var i = 0; i < codes.Count; i++)
        {
            var expected = TicketQrCode.Modules(codes[i]);
            var size = expected.GetLength(0);
            Assert.Equal(size, fromPage[i].Length);
            for (var row = 0; row < size; row++)
            {
                Assert.Equal(Enumerable.Range(0, size).Select(c => expected[row, c]), fromPage[i][row]);
            }
        }
    }
}
