using BoxOffice.Worker.Tickets.Pdf;
using QRCoder;

namespace BoxOffice.Worker.Tickets;

/// <summary>The QR code of a ticket code, drawn as vector squares so it stays sharp at any zoom or print size.</summary>
public static class TicketQrCode
{
    /// <summary>Dark modules of the symbol, [row, column], without the quiet zone.</summary>
    public static bool[,] Modules(string code)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = 17 + (4 * data.Version);
        var quietZone = (matrix.Count - size) / 2;
        var modules = new bool[size, size];
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                modules[row, column] = matrix[row + quietZone][column + quietZone];
            }
        }
        return modules;
    }

    /// <summary>Fills the dark modules, row by row in horizontal runs, as one path.</summary>
    internal static void Draw(PdfCanvas canvas, bool[,] modules, double left, double top, double size)
    {
        var count = modules.GetLength(0);
        var module = size / count;
        var runs = new List<PdfCanvas.Rectangle>();
        for (var row = 0; row < count; row++)
        {
            var column = 0;
            while (column < count)
            {
                if (!modules[row, column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < count && modules[row, column])
                {
                    column++;
                }
                runs.Add(new PdfCanvas.Rectangle(left + (start * module), top + (row * module), (column - start) * module, module));
            }
        }
        canvas.FillRectangles(runs, PdfColor.Black);
    }
}
