using System.Globalization;
using BoxOffice.Api.Tests.Lambda.Support;

namespace BoxOffice.Bench;

/// <summary>
/// Two Api packages side by side, warm: each seeded with the same ten shows, then one GET (<c>/shows?limit=20</c> unless told) invoked on one and
/// the other in turn, so load on the machine falls on both alike; prints both p50s and their ratio (a change measured
/// against the tree before it).
/// </summary>
internal static class WarmComparison
{
    public static async Task RunAsync(string first, string second, int warm, string path)
    {
        var firstData = Directory.CreateTempSubdirectory("boxoffice-bench-").FullName;
        var secondData = Directory.CreateTempSubdirectory("boxoffice-bench-").FullName;
        try
        {
            await ColdStart.SeedAsync(first, firstData);
            await ColdStart.SeedAsync(second, secondData);
            var shows = HttpApiEvent.Create("GET", path);
            Action<RuntimeOutcome> listed = outcome => ColdStart.Expect(outcome, 200);
            await using var a = await RunningFunction.StartAsync(first, firstData);
            await using var b = await RunningFunction.StartAsync(second, secondData);
            await a.InvokeAsync(shows, listed);
            await b.InvokeAsync(shows, listed);
            var (aTimes, bTimes) = await RunningFunction.InterleaveAsync((a, shows, listed), (b, shows, listed), warm);
            WarmTimes.Report(("first", $"GET {path}", aTimes, a), ("second", $"GET {path}", bTimes, b));
            var ratio = ColdStart.Percentile(bTimes.RoundTrips, 0.5) / ColdStart.Percentile(aTimes.RoundTrips, 0.5);
            var insideRatio = ColdStart.Percentile(bTimes.Inside, 0.5) / ColdStart.Percentile(aTimes.Inside, 0.5);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"second / first, p50: round trip {ratio:0.00}x, inside the function {insideRatio:0.00}x"));
        }
        finally
        {
            Directory.Delete(firstData, recursive: true);
            Directory.Delete(secondData, recursive: true);
        }
    }
}
