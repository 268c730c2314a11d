using System.Diagnostics;
using System.Text;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Hosting.Lambda.AspNetCore;
using BoxOffice.Hosting.Lambda.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace BoxOffice.Bench;

/// <summary>
/// What the bridge adds per invocation: the same request through one pipeline, once as an API Gateway event via
/// <see cref="ApiGatewayBridge{TContext}"/> (parse, features, buffered response, JSON answer) and once as bare
/// server features (roughly what any server has to do); the difference is the bridge's share.
/// </summary>
internal static class BridgeOverhead
{
    public static async Task RunAsync(int iterations)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var server = new CapturingServer();
        builder.Services.AddSingleton<IServer>(server);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/shows/{id}", (string id) => Results.Json(new { showId = id, title = "Hamlet", venue = "Globe Theatre", capacity = 100 }));
        await app.StartAsync();

        var bridge = server.CreateBridge(new LambdaHostingOptions());
        var eventJson = Encoding.UTF8.GetBytes(HttpApiEvent.Create("GET", "/shows/s-42?fields=all", headers: new Dictionary<string, string> { ["accept"] = "application/json" }));
        var context = new LambdaContext("bench", DateTimeOffset.UtcNow.AddHours(1), "arn:aws:lambda:eu-west-1:123456789012:function:bench", null);

        async Task Bridged() => await bridge.HandleAsync(new LambdaInvocation(context, eventJson), CancellationToken.None);
        Task Bare() => server.ProcessAsync(BareFeatures());

        for (var i = 0; i < 2_000; i++)
        {
            await Bridged();
            await Bare();
        }
        var bridged = await TimeAsync(Bridged, iterations);
        var bare = await TimeAsync(Bare, iterations);
        Console.WriteLine($"bridge: {bridged:0.0} µs per bridged invocation, {bare:0.0} µs bare pipeline => the bridge adds {bridged - bare:0.0} µs ({iterations} iterations)");
    }

    private static async Task<double> TimeAsync(Func<Task> run, int iterations)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++) await run();
        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / iterations;
    }

    private static FeatureCollection BareFeatures()
    {
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature { Method = "GET", Path = "/shows/s-42", QueryString = "?fields=all", Scheme = "https", Protocol = "HTTP/1.1" });
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(new MemoryStream()));
        return features;
    }
}
