namespace BoxOffice.Bench;

/// <summary>
/// What <see cref="OfficialComparison"/> runs: the unpacked <c>bootstrap</c> of our Api and Worker, of the official
/// hello app and optionally of another tree's Worker, and the zips whose sizes it reports.
/// </summary>
internal sealed record ComparisonSetup(string Api, string Worker, string Hello, string? BaselineWorker, int Runs, int Warm, IReadOnlyList<string> Zips)
{
    /// <summary>Reads <c>--api B --worker B --hello B [--baseline-worker B] [--runs N] [--warm N] [--zip Z ...]</c>.</summary>
    public static ComparisonSetup Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>();
        var zips = new List<string>();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (args[i] == "--zip") zips.Add(Path.GetFullPath(args[i + 1]));
            else values[args[i]] = args[i + 1];
        }
        string Bootstrap(string name) => values.TryGetValue(name, out var path) ? Path.GetFullPath(path) : throw new ArgumentException($"{name} is required");
        int Count(string name, int fallback) => values.TryGetValue(name, out var count) ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return new ComparisonSetup(Bootstrap("--api"), Bootstrap("--worker"), Bootstrap("--hello"),
            values.TryGetValue("--baseline-worker", out var baseline) ? Path.GetFullPath(baseline) : null,
            Count("--runs", 5), Count("--warm", 1000), zips);
    }
}
