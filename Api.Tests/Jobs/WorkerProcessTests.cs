using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Jobs;

/// <summary>The Worker as its own process (what <c>dotnet run --project Worker</c> starts) draining the Api's queue.</summary>
public class WorkerProcessTests
{
    [Fact]
    public async Task A_separate_worker_process_confirms_orders_and_logs_json_with_the_request_id()
    {
        await using var app = BoxOfficeApp.With(null, new Dictionary<string, string?> { ["BoxOffice:Queue:ProcessInApi"] = "false" });
        var showId = (await (await app.AdminAsync()).CreateShowAsync()).Str("showId");
        var buyer = await app.ClientForAsync("remote");
        var requestId = "worker-proc-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/shows/{showId}/orders") { Content = JsonContent.Create(new { quantity = 2 }) };
        request.Headers.Add("X-Request-Id", requestId);
        var orderId = (await (await buyer.SendAsync(request)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");

        var lines = new ConcurrentQueue<string>();
        using var worker = StartWorker(app.DataPath, lines);
        try
        {
            await ApiCalls.EventuallyAsync(() => buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Confirmed", TimeSpan.FromSeconds(30));
            // The store says Confirmed a moment before the worker's line about it reaches its stdout: wait for the line too.
            await ApiCalls.EventuallyAsync(() => Task.FromResult(lines.Any(l => l.Contains(orderId, StringComparison.Ordinal) && l.Contains("confirmed", StringComparison.Ordinal))),
                seen => seen, TimeSpan.FromSeconds(10));
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        var events = lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(lines.Count(l => l.Trim().Length > 0), events.Count); // every line is one JSON object
        // Compact JSON: @t time, @m rendered message, @l level unless Information, then the properties themselves.
        var confirmed = Assert.Single(events, e => e.TryGetProperty("OrderId", out var id) && id.GetString() == orderId
            && e.GetProperty("@m").GetString()!.Contains("confirmed", StringComparison.Ordinal));
        Assert.True(confirmed.TryGetProperty("@t", out _));
        Assert.Equal(requestId, confirmed.GetProperty("CorrelationId").GetString());
        Assert.DoesNotContain(lines, l => l.Contains('\u001b', StringComparison.Ordinal)); // no colour codes
    }

    private static Process StartWorker(string dataPath, ConcurrentQueue<string> lines)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", "BoxOffice.Worker.dll")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["BoxOffice__Local__DataPath"] = dataPath;
        start.Environment["BoxOffice__Queue__PollWait"] = "00:00:00.200";
        start.Environment.Remove("AWS_LAMBDA_RUNTIME_API");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
