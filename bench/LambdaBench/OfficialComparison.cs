using System.Globalization;
using BoxOffice.Api.Tests.Lambda.Support;

namespace BoxOffice.Bench;

/// <summary>
/// The figures of issue #13's goal table in one run: our Api against the official library's one-route hello app
/// (cold starts alternating, warm invocations interleaved, so load on the machine falls on both alike), our Worker's
/// first batch (against another tree's Worker when one is given) and the size of each package.
/// </summary>
internal static class OfficialComparison
{
    public static async Task RunAsync(ComparisonSetup setup)
    {
        var apiData = Directory.CreateTempSubdirectory("boxoffice-bench-").FullName;
        var otherData = Directory.CreateTempSubdirectory("boxoffice-bench-").FullName;
        try
        {
            await ColdStart.SeedAsync(setup.Api, apiData);
            var shows = HttpApiEvent.Create("GET", "/shows?limit=20");
            var hello = HttpApiEvent.Create("GET", "/");
            Action<RuntimeOutcome> showsListed = outcome => ColdStart.Expect(outcome, 200);
            Action<RuntimeOutcome> helloSaid = outcome =>
            {
                if (ColdStart.Body(outcome, 200) != "Hello") throw new InvalidOperationException($"The hello app answered: {outcome.Body}");
            };

            Console.WriteLine($"Cold starts, {setup.Runs} of each, alternating (first answer: GET /shows for the Api, GET / for the official hello app)");
            var (apiStarts, helloStarts) = await AlternateAsync(setup.Runs,
                ("api", () => ColdStart.StartOnceAsync(setup.Api, apiData, shows, showsListed)),
                ("official hello", () => ColdStart.StartOnceAsync(setup.Hello, otherData, hello, helloSaid)));

            Console.WriteLine($"Warm: {setup.Warm} invocations of each, interleaved");
            var warm = await WarmAsync(setup, apiData, otherData, shows, showsListed, hello, helloSaid);

            var (workerStarts, baselineStarts) = await WorkerStartsAsync(setup, otherData);

            PrintGoals(setup, (apiStarts, helloStarts), warm, (workerStarts, baselineStarts));
        }
        finally
        {
            Directory.Delete(apiData, recursive: true);
            Directory.Delete(otherData, recursive: true);
        }
    }

    /// <summary>Our Worker's cold starts, alternating with today's Worker when one is given (else that list stays empty).</summary>
    private static async Task<(List<StartFigures> Ours, List<StartFigures> Baseline)> WorkerStartsAsync(ComparisonSetup setup, string data)
    {
        Console.WriteLine($"Worker: {setup.Runs} cold starts{(setup.BaselineWorker is null ? "" : " alternating with today's Worker")} (a one-message SQS batch)");
        Func<Task<StartFigures>> Starting(string bootstrap) => () => ColdStart.StartOnceAsync(bootstrap, data, ColdStart.WorkerBatch, ColdStart.ExpectBatchAnswered);
        if (setup.BaselineWorker is not null)
            return await AlternateAsync(setup.Runs, ("worker", Starting(setup.Worker)), ("today's worker", Starting(setup.BaselineWorker)));

        var starts = new List<StartFigures>();
        for (var run = 1; run <= setup.Runs; run++)
        {
            starts.Add(await Starting(setup.Worker)());
            Console.WriteLine($"  worker run {run}: {starts[^1]}");
        }
        return (starts, []);
    }

    private static void PrintGoals(ComparisonSetup setup, (List<StartFigures> Api, List<StartFigures> Hello) starts,
        (List<double> ApiWarm, double ApiRss, List<double> HelloWarm, double HelloRss, List<double> ApiInside, List<double> HelloInside) warm, (List<StartFigures> Ours, List<StartFigures> Baseline) worker)
    {
        Console.WriteLine();
        Console.WriteLine("| figure | ours | official hello | ratio | goal |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        Row("Api first response (cold), median wall ms", Median(starts.Api, s => s.WallMs), Median(starts.Hello, s => s.WallMs), "0", "<= 0.40x");
        Row("Api first response (cold), median CPU ms", Median(starts.Api, s => s.CpuMs), Median(starts.Hello, s => s.CpuMs), "0", "<= 0.40x");
        Row($"Api warm p50 round trip ({setup.Warm:N0}), ms", ColdStart.Percentile(warm.ApiWarm, 0.5), ColdStart.Percentile(warm.HelloWarm, 0.5), "0.000", "<= 0.8x");
        Row($"Api warm p50 inside the function ({setup.Warm:N0}), ms", ColdStart.Percentile(warm.ApiInside, 0.5), ColdStart.Percentile(warm.HelloInside, 0.5), "0.000", "(the fake Runtime API's share left out)");
        Row($"Api RSS after {setup.Warm:N0} invocations, MB", warm.ApiRss, warm.HelloRss, "0.0", "<= 60 MB");
        Console.WriteLine();
        var ours = $"median {Median(worker.Ours, s => s.WallMs):0} ms wall, {Median(worker.Ours, s => s.CpuMs):0} ms CPU";
        if (worker.Baseline.Count == 0)
        {
            Console.WriteLine($"Worker first batch answered: {ours} (goal: <= 0.40x of today's Worker in the same run; pass --compare to measure it)");
        }
        else
        {
            Console.WriteLine($"Worker first batch answered: {ours}; today's Worker: median {Median(worker.Baseline, s => s.WallMs):0} ms wall, {Median(worker.Baseline, s => s.CpuMs):0} ms CPU; " +
                $"ratio {Ratio(Median(worker.Ours, s => s.WallMs), Median(worker.Baseline, s => s.WallMs))} wall, {Ratio(Median(worker.Ours, s => s.CpuMs), Median(worker.Baseline, s => s.CpuMs))} CPU (goal: <= 0.40x)");
        }
        Console.WriteLine("Package sizes (zip): " + string.Join(", ", setup.Zips.Select(zip => $"{Path.GetFileName(zip)} {new FileInfo(zip).Length / 1_048_576.0:0.0} MB ({new FileInfo(zip).Length:N0} B)")));
    }

    /// <summary>Runs the two starts <paramref name="rounds"/> times, one of each per round, the first one first in odd rounds.</summary>
    private static async Task<(List<StartFigures> First, List<StartFigures> Second)> AlternateAsync(int rounds,
        (string Name, Func<Task<StartFigures>> Start) first, (string Name, Func<Task<StartFigures>> Start) second)
    {
        var firsts = new List<StartFigures>();
        var seconds = new List<StartFigures>();
        for (var round = 1; round <= rounds; round++)
        {
            var order = round % 2 == 1 ? new[] { (first, firsts), (second, seconds) } : new[] { (second, seconds), (first, firsts) };
            foreach (var ((name, start), figures) in order)
            {
                figures.Add(await start());
                Console.WriteLine($"  {name} round {round}: {figures[^1]}");
            }
        }
        return (firsts, seconds);
    }

    private static async Task<(List<double> ApiWarm, double ApiRss, List<double> HelloWarm, double HelloRss, List<double> ApiInside, List<double> HelloInside)> WarmAsync(ComparisonSetup setup,
        string apiData, string otherData, string shows, Action<RuntimeOutcome> showsListed, string hello, Action<RuntimeOutcome> helloSaid)
    {
        await using var api = await RunningFunction.StartAsync(setup.Api, apiData);
        await using var official = await RunningFunction.StartAsync(setup.Hello, otherData);
        await api.InvokeAsync(shows, showsListed);
        await official.InvokeAsync(hello, helloSaid);
        var (apiTimes, helloTimes) = await RunningFunction.InterleaveAsync((api, shows, showsListed), (official, hello, helloSaid), setup.Warm);
        WarmTimes.Report(("api", "GET /shows", apiTimes, api), ("official hello", "GET /", helloTimes, official), indent: "  ");
        return (apiTimes.RoundTrips, ColdStart.RssMegabytes(api.Process), helloTimes.RoundTrips, ColdStart.RssMegabytes(official.Process), apiTimes.Inside, helloTimes.Inside);
    }

    private static void Row(string figure, double ours, double official, string format, string goal) =>
        Console.WriteLine($"| {figure} | {ours.ToString(format, CultureInfo.InvariantCulture)} | {official.ToString(format, CultureInfo.InvariantCulture)} | {Ratio(ours, official)} | {goal} |");

    private static string Ratio(double ours, double other) => $"{(ours / other).ToString("0.00", CultureInfo.InvariantCulture)}x";

    private static double Median(List<StartFigures> starts, Func<StartFigures, double> figure)
    {
        var sorted = starts.Select(figure).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
