using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BoxOffice.Hosting.Lambda;
using BoxOffice.Hosting.Lambda.AspNetCore;
using BoxOffice.Hosting.Lambda.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>
/// A small app that reports back exactly what it received, run through <see cref="ApiGatewayBridge{TContext}"/>
/// without any network: events go in as JSON, API Gateway responses come out as JSON.
/// </summary>
public sealed class EchoApp : IAsyncDisposable
{
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly WebApplication _app;
    private readonly CapturingServer _server;

    private EchoApp(WebApplication app, CapturingServer server)
    {
        _app = app;
        _server = server;
    }

    /// <summary>What <c>/text</c> answers: non-ASCII text, characters the default encoder escapes, and ones JSON must.</summary>
    public const string Text = "café ☕ チケット 😀 <b class='x'>1+1&2</b> a/b \"quoted\" back\\slash\ttab\nline\u0001end\u007f\u2028";

    private static TaskCompletionSource<CancellationToken> _requestAborted = new();

    /// <summary>Set by <c>/completed</c>'s OnCompleted callback.</summary>
    public static bool CompletedCallbackRan { get; set; }

    public static async Task<EchoApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["AllowedHosts"] = "*"; // it echoes whatever host an event names; the Api's appsettings lie beside the tests
        var server = new CapturingServer();
        builder.Services.AddSingleton<IServer>(server);
        builder.Logging.ClearProviders();
        var app = builder.Build();

        app.Map("/echo/{**rest}", (Delegate)EchoAsync);
        app.Map("/", (Delegate)EchoAsync);
        app.MapGet("/files/{name}", (string name) => name == "poster.png" ? Results.Bytes(Png, "image/png") : Results.Text($"file:{name}"));
        app.MapPost("/upload", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            return Results.Json(new { length = body.Length, sha256 = Convert.ToHexString(SHA256.HashData(body.ToArray())), contentType = context.Request.ContentType });
        });
        app.MapPost("/limit", async (HttpContext context) =>
        {
            // ?set=N or ?set=none changes the limit before reading, as an endpoint with its own limit does.
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (limit is null) return Results.Json(new { offered = false });
            if (context.Request.Query["set"].FirstOrDefault() is { } set) limit.MaxRequestBodySize = set == "none" ? null : long.Parse(set, System.Globalization.CultureInfo.InvariantCulture);
            var (max, readOnlyBefore) = (limit.MaxRequestBodySize, limit.IsReadOnly);
            long? read = null;
            int? refused = null;
            try
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                read = body.Length;
            }
            catch (BadHttpRequestException ex)
            {
                refused = ex.StatusCode;
            }
            string changeAfterRead;
            try
            {
                limit.MaxRequestBodySize = 1;
                changeAfterRead = "allowed";
            }
            catch (InvalidOperationException)
            {
                changeAfterRead = "refused";
            }
            return Results.Json(new { offered = true, max, readOnlyBefore, readOnlyAfter = limit.IsReadOnly, read, refused, changeAfterRead });
        });
        app.MapGet("/cookies", (HttpContext context) =>
        {
            context.Response.Cookies.Append("session", "new-session", new CookieOptions { HttpOnly = true, Path = "/" });
            context.Response.Cookies.Append("theme", "light");
            return Results.Text($"visitor={context.Request.Cookies["visitor"]}");
        });
        app.MapDelete("/items/{id}", (string id) => Results.NoContent());
        app.MapMethods("/empty", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], () => Results.StatusCode(StatusCodes.Status200OK));
        app.MapGet("/wait-aborted", async (HttpContext context) =>
        {
            _requestAborted.TrySetResult(context.RequestAborted);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
            return Results.Text("aborted");
        });
        app.MapGet("/text", () => Results.Text(Text, "text/plain; charset=utf-8"));
        app.MapGet("/bytes/{count:int}", (int count) => Results.Bytes(Bytes(count), "application/octet-stream"));
        app.MapGet("/throw", IResult () => throw new InvalidOperationException("boom"));
        app.MapGet("/throw-after-write", async (HttpContext context) =>
        {
            await context.Response.WriteAsync("partial");
            throw new InvalidOperationException("boom after write");
        });
        app.MapGet("/callbacks", (HttpContext context) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["X-Started"] = "yes";
                return Task.CompletedTask;
            });
            context.Response.OnCompleted(() =>
            {
                CompletedCallbackRan = true;
                return Task.CompletedTask;
            });
            return Results.Text("ok");
        });

        await app.StartAsync();
        return new EchoApp(app, server);
    }

    /// <summary>Everything the request carried, as JSON.</summary>
    private static async Task<IResult> EchoAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var features = context.Features.Get<IHttpRequestFeature>()!;
        return Results.Json(new Dictionary<string, object?>
        {
            ["method"] = request.Method,
            ["scheme"] = request.Scheme,
            ["host"] = request.Host.Value,
            ["pathBase"] = request.PathBase.Value,
            ["path"] = request.Path.Value,
            ["rawTarget"] = features.RawTarget,
            ["queryString"] = request.QueryString.Value,
            ["query"] = request.Query.ToDictionary(q => q.Key, q => q.Value.ToArray()),
            ["headers"] = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            ["cookies"] = request.Cookies.ToDictionary(c => c.Key, c => c.Value),
            ["contentLength"] = request.ContentLength,
            ["body"] = Encoding.UTF8.GetString(body.ToArray()),
            ["remoteIp"] = context.Connection.RemoteIpAddress?.ToString(),
            ["traceIdentifier"] = context.TraceIdentifier,
            ["protocol"] = request.Protocol,
            ["awsRequestId"] = context.GetLambdaContext()?.AwsRequestId,
            ["xrayTraceId"] = context.GetXRayTraceId(),
            ["authenticated"] = context.User.Identity?.IsAuthenticated == true,
            ["authenticationType"] = context.User.Identity?.AuthenticationType,
            ["claims"] = context.User.Claims.Select(c => new[] { c.Type, c.Value }).ToArray(),
            ["xrayTraceItem"] = context.Items.TryGetValue(LambdaHttpContextExtensions.XRayTraceIdItem, out var trace) ? trace : null,
            ["rest"] = context.GetRouteValue("rest")?.ToString(),
        });
    }

    /// <summary>The <c>RequestAborted</c> of the next <c>/wait-aborted</c> request, which waits for it to fire.</summary>
    public static Task<CancellationToken> NextRequestAborted()
    {
        _requestAborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return _requestAborted.Task;
    }

    /// <summary><paramref name="count"/> bytes that are the same on every call.</summary>
    public static byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        new Random(count).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The server the bridge is made by: its logger and clock can be replaced.</summary>
    public CapturingServer Server => _server;

    /// <summary>Runs <paramref name="eventJson"/> through the bridge and returns the API Gateway response JSON.</summary>
    public async Task<JsonElement> InvokeAsync(
        LambdaEventSource source, string eventJson, string awsRequestId = "aws-req-1", IEnumerable<string>? binaryTypes = null, long? maxRequestBodySize = 30_000_000,
        Action<LambdaHostingOptions>? configure = null)
    {
        using var document = JsonDocument.Parse(await InvokeRawAsync(source, eventJson, awsRequestId, binaryTypes, maxRequestBodySize, configure));
        return document.RootElement.Clone();
    }

    /// <summary>The answer's bytes exactly as they would be posted to the Runtime API.</summary>
    public async Task<byte[]> InvokeRawAsync(
        LambdaEventSource source, string eventJson, string awsRequestId = "aws-req-1", IEnumerable<string>? binaryTypes = null, long? maxRequestBodySize = 30_000_000,
        Action<LambdaHostingOptions>? configure = null, DateTimeOffset? deadline = null, string? traceId = "Root=1-test")
    {
        var options = new LambdaHostingOptions { EventSource = source, MaxRequestBodySize = maxRequestBodySize };
        foreach (var type in binaryTypes ?? []) options.BinaryContentTypes.Add(type);
        configure?.Invoke(options);
        var bridge = _server.CreateBridge(options);
        var context = new LambdaContext(
            awsRequestId, deadline ?? _server.Time.GetUtcNow().AddSeconds(30), "arn:aws:lambda:eu-west-1:123456789012:function:echo", traceId);
        var response = await bridge.HandleAsync(new LambdaInvocation(context, Encoding.UTF8.GetBytes(eventJson)), CancellationToken.None);
        return response.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
