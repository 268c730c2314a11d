using System.Collections.Concurrent;
using System.Net;
using System.Text;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace BoxOffice.Api.Tests.Telemetry;

/// <summary>The OpenTelemetry exporter: absent unless an OTLP endpoint is configured, then the spans of an order reach it.</summary>
public class OtlpExportTests
{
    [Fact]
    public async Task Without_an_endpoint_no_tracer_is_registered()
    {
        await using var app = new BoxOfficeApp();
        _ = app.CreateClient();

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_an_endpoint_the_request_publish_and_job_spans_of_an_order_are_exported_in_one_trace()
    {
        await using var collector = await Collector.StartAsync();
        string traceId;
        await using (var app = BoxOfficeApp.With(null, new Dictionary<string, string?>
        {
            ["BoxOffice:Telemetry:OtlpEndpoint"] = collector.Address,
            ["Serilog:MinimumLevel"] = "Information",
        }))
        {
            Assert.NotNull(app.Services.GetService<TracerProvider>());
            var showId = (await (await app.AdminAsync()).CreateShowAsync(capacity: 5)).Str("showId");
            var buyer = await app.ClientForAsync("exported-buyer");
            var orderId = (await (await buyer.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
            await ApiCalls.EventuallyAsync(() => buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Confirmed");
            var requestLine = await ApiCalls.EventuallyAsync(
                () => Task.FromResult(app.Logs.Entries.FirstOrDefault(l =>
                    Equals(l.Properties.GetValueOrDefault("RequestMethod"), "POST") && Equals(l.Properties.GetValueOrDefault("StatusCode"), 202))),
                l => l is not null);
            traceId = (string)requestLine!.Properties["TraceId"]!;
            await ApiCalls.EventuallyAsync(() => Task.FromResult(app.Logs.Entries.Count(l => l.Message.Contains(" done in ", StringComparison.Ordinal))), n => n > 0);
            app.Services.GetRequiredService<TracerProvider>().ForceFlush(30_000);
            // The exporter retries a failed export later; the spans of other tests' hosts in this process go out too.
            await ApiCalls.EventuallyAsync(() => Task.FromResult(collector.Bodies.SelectMany(b => b).ToArray()), b => Contains(b, traceId), TimeSpan.FromSeconds(30));
        }

        var exported = collector.Bodies.SelectMany(b => b).ToArray();
        Assert.Contains($"publish {JobTypes.OrderPlaced}", Encoding.UTF8.GetString(exported), StringComparison.Ordinal);
        Assert.Contains($"job {JobTypes.OrderPlaced}", Encoding.UTF8.GetString(exported), StringComparison.Ordinal);
        // Protobuf carries the trace id as its 16 raw bytes: the request's trace is the one exported.
        Assert.True(Contains(exported, traceId), "the request's trace id is not among the exported spans");
        Assert.Contains("/v1/traces", collector.Paths);
    }

    private static bool Contains(byte[] exported, string traceId) => exported.AsSpan().IndexOf(Convert.FromHexString(traceId)) >= 0;

    /// <summary>An OTLP/HTTP receiver on loopback that keeps what it is sent.</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private WebApplication _app = null!;

        public ConcurrentQueue<byte[]> Bodies { get; } = new();

        public ConcurrentQueue<string> Paths { get; } = new();

        public string Address { get; private set; } = "";

        public static async Task<Collector> StartAsync()
        {
            var collector = new Collector();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapPost("/v1/traces", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector.Paths.Enqueue(context.Request.Path);
                collector.Bodies.Enqueue(body.ToArray());
                return Results.Ok();
            });
            await app.StartAsync();
            collector._app = app;
            collector.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
