using System.Net;
using System.Net.Http.Json;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Jobs;
using BoxOffice.Worker.Orders;

namespace BoxOffice.Api.Tests.Telemetry;

/// <summary>An order through the whole local shape: its metrics as EMF lines, and one trace from the request into its job.</summary>
public class OrderTelemetryTests
{
    private const string RequestLogger = "Serilog.AspNetCore.RequestLoggingMiddleware";

    [Fact]
    public async Task An_order_writes_emf_lines_and_its_request_line_and_job_lines_share_one_trace_id()
    {
        await using var app = BoxOfficeApp.WithInformationLogs();
        var showId = (await (await app.AdminAsync()).CreateShowAsync(capacity: 10)).Str("showId");
        var buyer = await app.ClientForAsync("traced-buyer");
        var requestId = "trace-" + Guid.NewGuid().ToString("N");

        var orderId = await PlaceAsync(buyer, showId, 3, requestId);
        await ApiCalls.EventuallyAsync(() => buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Confirmed");
        await ApiCalls.EventuallyAsync(() => Task.FromResult(app.Metrics.Sum("TicketsIssued")), n => n >= 3);

        Assert.All(app.Metrics.Lines, line => Assert.Empty(EmfSpecification.Problems(line)));
        Assert.Equal(1, app.Metrics.Sum("OrdersPlaced"));
        Assert.Equal(3, app.Metrics.Sum("SeatsSold"));
        Assert.Equal(3, app.Metrics.Sum("TicketsIssued"));
        Assert.Equal(1, app.Metrics.Objects().Count(o => o.TryGetProperty("JobDuration", out _) && o.GetProperty("JobType").GetString() == JobTypes.OrderPlaced));

        var requestLine = await SingleAsync(app, l => l.Category == RequestLogger && Equals(l.Properties.GetValueOrDefault("RequestId"), requestId));
        var traceId = Assert.IsType<string>(requestLine.Properties["TraceId"]);
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        var jobLines = await JobLinesAsync(app, requestId, expected: 2);
        Assert.Contains(jobLines, l => l.Category == typeof(JobDispatcher).FullName && l.Message.Contains(" done in ", StringComparison.Ordinal)
            && Equals(l.Properties["JobType"], JobTypes.OrderPlaced));
        Assert.Contains(jobLines, l => l.Category == typeof(OrderPlacedHandler).FullName && l.Message.Contains("confirmed", StringComparison.Ordinal));
        Assert.All(jobLines, l => Assert.Equal(traceId, l.Properties["TraceId"]));
        Assert.All(jobLines, l => Assert.NotEqual(requestLine.Properties["SpanId"], l.Properties["SpanId"]));
    }

    [Fact]
    public async Task A_callers_traceparent_is_continued_by_the_request_and_its_job()
    {
        await using var app = BoxOfficeApp.WithInformationLogs();
        var showId = (await (await app.AdminAsync()).CreateShowAsync(capacity: 10)).Str("showId");
        var buyer = await app.ClientForAsync("traced-caller");
        var requestId = "caller-" + Guid.NewGuid().ToString("N");
        var callerTrace = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

        await PlaceAsync(buyer, showId, 1, requestId, $"00-{callerTrace}-b7ad6b7169203331-01");

        var requestLine = await SingleAsync(app, l => l.Category == RequestLogger && Equals(l.Properties.GetValueOrDefault("RequestId"), requestId));
        Assert.Equal(callerTrace, requestLine.Properties["TraceId"]);
        Assert.All(await JobLinesAsync(app, requestId, expected: 2), l => Assert.Equal(callerTrace, l.Properties["TraceId"]));
    }

    [Fact]
    public async Task A_refused_order_is_counted_by_its_reason()
    {
        await using var app = new BoxOfficeApp();
        var showId = (await (await app.AdminAsync()).CreateShowAsync(capacity: 2)).Str("showId");
        var buyer = await app.ClientForAsync("refused-buyer");

        await (await buyer.OrderAsync(showId, 3)).ProblemAsync(HttpStatusCode.Conflict);
        await (await buyer.OrderAsync("no-such-show", 1)).ProblemAsync(HttpStatusCode.NotFound);

        await ApiCalls.EventuallyAsync(() => Task.FromResult(app.Metrics.Sum("OrdersRefused")), n => n >= 2);
        Assert.Equal(1, app.Metrics.Sum("OrdersRefused", "Reason", "SeatsShort"));
        Assert.Equal(1, app.Metrics.Sum("OrdersRefused", "Reason", "ShowNotFound"));
        Assert.Equal(0, app.Metrics.Sum("OrdersPlaced"));
    }

    private static async Task<string> PlaceAsync(HttpClient buyer, string showId, int quantity, string requestId, string? traceParent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/shows/{showId}/orders") { Content = JsonContent.Create(new { quantity }) };
        request.Headers.Add("X-Request-Id", requestId);
        if (traceParent is not null) request.Headers.Add("traceparent", traceParent);
        return (await (await buyer.SendAsync(request)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
    }

    /// <summary>The Worker's lines of the job the request sent: they carry the request id as their correlation id.</summary>
    private static async Task<List<CapturedLog>> JobLinesAsync(BoxOfficeApp app, string requestId, int expected)
    {
        List<CapturedLog> Lines() => [.. app.Logs.Entries.Where(l => Equals(l.Properties.GetValueOrDefault("CorrelationId"), requestId))];
        await ApiCalls.EventuallyAsync(() => Task.FromResult(Lines().Count), n => n >= expected);
        return Lines();
    }

    private static async Task<CapturedLog> SingleAsync(BoxOfficeApp app, Func<CapturedLog, bool> match)
    {
        await ApiCalls.EventuallyAsync(() => Task.FromResult(app.Logs.Entries.Count(match)), n => n > 0, TimeSpan.FromSeconds(5));
        return Assert.Single(app.Logs.Entries, l => match(l));
    }
}
