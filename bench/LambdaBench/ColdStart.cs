using System.Diagnostics;
using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;

namespace BoxOffice.Bench;

/// <summary>Starts a packaged <c>bootstrap</c> against the fake Runtime API and times it, as Lambda would see it.</summary>
internal static class ColdStart
{
    /// <summary>A one-message SQS batch for a show that does not exist: the Worker's handler runs and succeeds.</summary>
    internal const string WorkerBatch = """{"Records":[{"messageId":"m-1","receiptHandle":"r-1","body":"{\"showId\":\"no-such-show\"}","attributes":{"ApproximateReceiveCount":"1"},"messageAttributes":{"type":{"stringValue":"show.cancelled","dataType":"String"}},"eventSource":"aws:sqs"}]}""";

    public static async Task RunApiAsync(string bootstrap, int runs, int warm)
    {
        var data = Directory.CreateTempSubdirectory("boxoffice-bench-").FullName;
        try
        {
            await SeedAsync(bootstrap, data);
            var shows = HttpApiEvent.Create("GET", "/shows?limit=20");
            await ColdStartsAsync("api", "first response to GET /shows", bootstrap, data, runs, shows, outcome => Expect(outcome, 200), async (runtime, process) =>
            {
                var roundTrips = new List<double>(warm);
                for (var i = 0; i < warm; i++)
                {
                    var sent = Stopwatch.GetTimestamp();
                    Expect(await runtime.InvokeAsync(shows), 200);
                    roundTrips.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
                Report($"api warm GET /shows x{warm}", roundTrips);
                Console.WriteLine($"api RSS after {warm} invocations: {Rss(process)}");
            });
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    public static async Task RunWorkerAsync(string bootstrap, int runs)
    {
        var data = Directory.CreateTempSubdirectory("boxoffice-bench-").FullName;
        try
        {
            await ColdStartsAsync("worker", "first batch answered", bootstrap, data, runs, WorkerBatch, ExpectBatchAnswered, (_, process) =>
            {
                Console.WriteLine($"worker RSS after its first batch: {Rss(process)}");
                return Task.CompletedTask;
            });
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// Starts <paramref name="bootstrap"/> <paramref name="runs"/> times, each against a fresh fake Runtime API with
    /// <paramref name="firstEvent"/> waiting, and times its answer from process start; the last run goes on with
    /// <paramref name="afterLast"/> before the process is killed.
    /// </summary>
    private static async Task ColdStartsAsync(string name, string what, string bootstrap, string data, int runs, string firstEvent,
        Action<RuntimeOutcome> check, Func<FakeRuntimeApi, Process, Task> afterLast)
    {
        var firsts = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var start = await StartOnceAsync(bootstrap, data, firstEvent, check, run == runs ? afterLast : null);
            firsts.Add(start.WallMs);
            Console.WriteLine($"{name} run {run}: {what} {start}");
        }
        firsts.Sort();
        Console.WriteLine($"{name} {what}: median {firsts[firsts.Count / 2]:0} ms, best {firsts[0]:0} ms over {runs} cold starts");
    }

    /// <summary>
    /// One cold start: <paramref name="bootstrap"/> against a fresh fake Runtime API with <paramref name="firstEvent"/>
    /// waiting, timed from process start to its answer; <paramref name="afterFirst"/>, if any, runs before the kill.
    /// </summary>
    internal static async Task<StartFigures> StartOnceAsync(string bootstrap, string data, string firstEvent,
        Action<RuntimeOutcome> check, Func<FakeRuntimeApi, Process, Task>? afterFirst = null)
    {
        await using var runtime = await FakeRuntimeApi.StartAsync();
        var clock = Stopwatch.StartNew();
        using var process = Start(bootstrap, runtime.Address, data);
        try
        {
            var pending = runtime.InvokeAsync(firstEvent);
            await runtime.FirstNext;
            var init = clock.Elapsed.TotalMilliseconds;
            var first = await pending;
            var elapsed = clock.Elapsed.TotalMilliseconds;
            check(first);
            var figures = new StartFigures(elapsed, init, CpuMilliseconds(process));
            if (afterFirst is not null) await afterFirst(runtime, process);
            return figures;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>A first run creates the database and a few shows, so the measured runs read real rows.</summary>
    internal static async Task SeedAsync(string bootstrap, string data)
    {
        await using var runtime = await FakeRuntimeApi.StartAsync();
        using var process = Start(bootstrap, runtime.Address, data);
        try
        {
            var token = JsonDocument.Parse(Body(await runtime.InvokeAsync(HttpApiEvent.Create("POST", "/dev/token", """{"username":"bench","groups":["admin"]}""")), 200))
                .RootElement.GetProperty("accessToken").GetString()!;
            for (var i = 1; i <= 10; i++)
            {
                var show = JsonSerializer.Serialize(new { title = $"Show {i}", venue = "Bench Hall", startsAt = DateTimeOffset.UtcNow.AddDays(i), capacity = 100, price = 20m });
                Body(await runtime.InvokeAsync(HttpApiEvent.Create("POST", "/shows", show, token)), 201);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    internal static Process Start(string bootstrap, string runtimeApi, string data)
    {
        var start = new ProcessStartInfo(bootstrap)
        {
            WorkingDirectory = Path.GetDirectoryName(bootstrap)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "box-office-bench";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "1024";
        start.Environment["BoxOffice__Local__DataPath"] = data;
        start.Environment["BoxOffice__Queue__ProcessInApi"] = "false";
        start.Environment["BoxOffice__OpenApi__Enabled"] = "false"; // as serverless.template deploys it by default
        start.Environment["AllowedHosts"] = HttpApiEvent.Host; // as serverless.template sets it
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) Console.Error.WriteLine($"  [{Path.GetFileName(Path.GetDirectoryName(bootstrap))}] {e.Data}");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static void Expect(RuntimeOutcome outcome, int status) => Body(outcome, status);

    /// <summary>The batch was answered and no message was reported as failed.</summary>
    internal static void ExpectBatchAnswered(RuntimeOutcome outcome)
    {
        if (outcome.IsError || outcome.Body.Contains("m-1", StringComparison.Ordinal))
            throw new InvalidOperationException($"The batch failed: {outcome.Body}");
    }

    internal static string Body(RuntimeOutcome outcome, int status)
    {
        var response = JsonDocument.Parse(outcome.Body).RootElement;
        if (outcome.IsError || response.GetProperty("statusCode").GetInt32() != status)
            throw new InvalidOperationException($"Expected {status}, got: {outcome.Body}");
        return response.GetProperty("body").GetString()!;
    }

    internal static string Rss(Process process)
    {
        var status = ProcessStatus(process);
        return $"{Megabytes(status["VmRSS"]):0.0} MB (anonymous {Megabytes(status["RssAnon"]):0.0} MB, file-backed {Megabytes(status["RssFile"]):0.0} MB)";
    }

    internal static double RssMegabytes(Process process) => Megabytes(ProcessStatus(process)["VmRSS"]);

    private static Dictionary<string, string> ProcessStatus(Process process) =>
        File.ReadLines($"/proc/{process.Id}/status").ToDictionary(l => l[..l.IndexOf(':')], l => l[(l.IndexOf(':') + 1)..].Trim());

    private static double Megabytes(string kilobytes) => long.Parse(kilobytes.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;

    /// <summary>User + system CPU time of the process so far: unlike wall time, barely moved by other load on the machine.</summary>
    internal static double CpuMilliseconds(Process process)
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return ticks * 10.0; // USER_HZ is 100 on Linux
    }

    internal static void Report(string name, List<double> milliseconds) =>
        Console.WriteLine($"{name}: p50 {Percentile(milliseconds, 0.50):0.000} ms, p90 {Percentile(milliseconds, 0.90):0.000} ms, p99 {Percentile(milliseconds, 0.99):0.000} ms, max {milliseconds.Max():0.000} ms");

    /// <summary>The value at rank p (nearest rank) of <paramref name="values"/>, left in their order.</summary>
    internal static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
