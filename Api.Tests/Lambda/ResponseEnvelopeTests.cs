using System.Text;
using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Hosting.Lambda;
using BoxOffice.Hosting.Lambda.AspNetCore;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>The JSON answer to API Gateway: escaped no more than JSON requires, and never over Lambda's 6 MB.</summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class ResponseEnvelopeTests : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private readonly ScopeCapturingLoggerProvider _logs = new();
    private ILoggerFactory _loggerFactory = null!;
    private EchoApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await EchoApp.StartAsync();
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs));
        _app.Server.Logger = _loggerFactory.CreateLogger("bridge");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _loggerFactory.Dispose();
    }

    [Theory]
    [InlineData(LambdaEventSource.HttpApi)]
    [InlineData(LambdaEventSource.RestApi)]
    public async Task Text_travels_as_its_utf8_with_only_the_escapes_json_requires(LambdaEventSource source)
    {
        var raw = await _app.InvokeRawAsync(source, GatewayEvent.Create(source, "GET", "/text"));

        var json = Encoding.UTF8.GetString(raw);
        Assert.Contains("café ☕ チケット 😀 <b class='x'>1+1&2</b> a/b \\\"quoted\\\" back\\\\slash\\ttab\\nline\\u0001end\u007f\u2028", json);
        Assert.Equal(EchoApp.Text, JsonDocument.Parse(raw).RootElement.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData(LambdaEventSource.HttpApi)]
    [InlineData(LambdaEventSource.RestApi)]
    public async Task A_4_4_MiB_binary_answer_fits_lambdas_limit_as_plain_base64(LambdaEventSource source)
    {
        var count = (int)(4.4 * MiB);

        var raw = await _app.InvokeRawAsync(source, GatewayEvent.Create(source, "GET", $"/bytes/{count}"));

        Assert.InRange(raw.Length, Base64Length(count), ApiGatewayBridge<object>.MaxResponseBytes);
        var response = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.True(response.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(EchoApp.Bytes(count), Convert.FromBase64String(response.GetProperty("body").GetString()!));
        Assert.DoesNotContain("\\u", Encoding.ASCII.GetString(raw), StringComparison.Ordinal);
        Assert.DoesNotContain("\\/", Encoding.ASCII.GetString(raw), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LambdaEventSource.HttpApi)]
    [InlineData(LambdaEventSource.RestApi)]
    public async Task An_answer_over_the_limit_becomes_a_logged_500_problem(LambdaEventSource source)
    {
        var count = 5 * MiB;

        var raw = await _app.InvokeRawAsync(source, GatewayEvent.Create(source, "GET", $"/bytes/{count}"), awsRequestId: "too-large-1");

        Assert.True(raw.Length < 1024, $"{raw.Length} bytes");
        var response = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(500, response.GetProperty("statusCode").GetInt32());
        Assert.False(response.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal("application/problem+json", Header(source, response, "Content-Type"));
        var problem = JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString()!;
        var sent = Base64Length(count);
        Assert.Contains(ApiGatewayBridge<object>.MaxResponseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), detail);
        var logged = Assert.Single(_logs.Entries, e => e.Message.Contains("over its limit", StringComparison.Ordinal)).Message;
        Assert.Contains($"/bytes/{count}", logged);
        Assert.Contains("6291556 bytes", logged);
        Assert.Matches(@"is (\d+) bytes", logged);
        Assert.InRange(long.Parse(System.Text.RegularExpressions.Regex.Match(logged, @"is (\d+) bytes").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), sent, sent + 1024);
    }

    [Theory]
    [InlineData(LambdaEventSource.HttpApi)]
    [InlineData(LambdaEventSource.RestApi)]
    public async Task A_body_less_answer_says_content_length_0_and_names_no_content_type(LambdaEventSource source)
    {
        var response = JsonDocument.Parse(await _app.InvokeRawAsync(source, GatewayEvent.Create(source, "POST", "/empty"))).RootElement;

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("", response.GetProperty("body").GetString());
        Assert.Equal("0", Header(source, response, "Content-Length"));
        Assert.Equal(JsonValueKind.Null, HeaderValue(source, response, "Content-Type").ValueKind);
    }

    [Theory]
    [InlineData(LambdaEventSource.HttpApi, "DELETE", "/items/42", 204)]
    [InlineData(LambdaEventSource.RestApi, "DELETE", "/items/42", 204)]
    [InlineData(LambdaEventSource.HttpApi, "HEAD", "/empty", 200)]
    [InlineData(LambdaEventSource.RestApi, "HEAD", "/empty", 200)]
    public async Task No_content_length_where_http_forbids_or_cannot_know_it(LambdaEventSource source, string method, string path, int status)
    {
        var response = JsonDocument.Parse(await _app.InvokeRawAsync(source, GatewayEvent.Create(source, method, path))).RootElement;

        Assert.Equal(status, response.GetProperty("statusCode").GetInt32());
        var headers = response.GetProperty(source == LambdaEventSource.HttpApi ? "headers" : "multiValueHeaders");
        Assert.DoesNotContain(headers.EnumerateObject(), h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(LambdaEventSource.HttpApi)]
    [InlineData(LambdaEventSource.RestApi)]
    public async Task A_content_type_the_app_set_is_kept(LambdaEventSource source)
    {
        var response = JsonDocument.Parse(await _app.InvokeRawAsync(source, GatewayEvent.Create(source, "GET", "/text"))).RootElement;

        Assert.Equal("text/plain; charset=utf-8", Header(source, response, "Content-Type"));
        Assert.Equal(Encoding.UTF8.GetByteCount(EchoApp.Text).ToString(System.Globalization.CultureInfo.InvariantCulture), Header(source, response, "Content-Length"));
    }

    private static int Base64Length(int bytes) => (bytes + 2) / 3 * 4;

    private static string? Header(LambdaEventSource source, JsonElement response, string name) => HeaderValue(source, response, name).GetString();

    private static JsonElement HeaderValue(LambdaEventSource source, JsonElement response, string name) => source == LambdaEventSource.HttpApi
        ? response.GetProperty("headers").GetProperty(name)
        : Assert.Single(response.GetProperty("multiValueHeaders").GetProperty(name).EnumerateArray());
}
