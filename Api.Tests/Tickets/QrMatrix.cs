namespace BoxOffice.Api.Tests.Tickets;

/// <summary>Rebuilds a QR module matrix from the filled rectangles of the page's largest path.</summary>
internal static class QrMatrix
{
    public static bool[,] FromContent(IReadOnlyList<ContentOperations.Operation> operations)
    {
        var paths = new List<List<(double X, double Y, double W, double H)>>();
        var current = new List<(double, double, double, double)>();
        foreach (var op in operations)
        {
            if (op.Operator == "re")
            {
                current.Add((op.Number(0), op.Number(1), op.Number(2), op.Number(3)));
            }
            else if (op.Operator == "f")
            {
                paths.Add(current);
                current = [];
            }
        }
        var runs = paths.MaxBy(p => p.Count)!;
        var module = runs.Min(r => r.H);
        var left = runs.Min(r => r.X);
        var top = runs.Max(r => r.Y + r.H); // PDF y grows upwards: the first row is the highest
        var size = (int)Math.Round((runs.Max(r => r.X + r.W) - left) / module);
        var matrix = new bool[size, size];
        foreach (var (x, y, w, h) in runs)
        {
            Assert.Equal(module, h, 3);
            var row = (int)Math.Round((top - (y + h)) / module);
            var first = (int)Math.Round((x - left) / module);
            for (var column = first; column < first + (int)Math.Round(w / module); column++)
            {
                Assert.False(matrix[row, column]);
                matrix[row, column] = true;
            }
        }
        return matrix;
    }
}
