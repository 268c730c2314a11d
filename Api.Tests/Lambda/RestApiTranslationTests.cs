using System.Security.Cryptography;
using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Hosting.Lambda;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>Recorded REST API (payload 1.0) events through the bridge and back.</summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class RestApiTranslationTests : IAsyncLifetime
{
    private EchoApp _app = null!;

    public async Task InitializeAsync() => _app = await EchoApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Multi_value_headers_and_query_stage_base_and_encoded_slash_arrive()
    {
        var response = await _app.InvokeAsync(LambdaEventSource.RestApi, Payloads.Read("rest-get-multivalue.json"));

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        var echoed = JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement;
        Assert.Equal("/prod", echoed.GetProperty("pathBase").GetString());
        Assert.Equal("/echo/2024%2Fposter.png", echoed.GetProperty("path").GetString());
        Assert.Equal("?tag=rock&tag=jazz&q=a%26b", echoed.GetProperty("queryString").GetString());
        Assert.Equal(["rock", "jazz"], echoed.GetProperty("query").GetProperty("tag").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["a&b"], echoed.GetProperty("query").GetProperty("q").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("text/html,application/json", echoed.GetProperty("headers").GetProperty("accept").GetString());
        Assert.Equal("abc123", echoed.GetProperty("cookies").GetProperty("session").GetString());
        Assert.Equal("dark", echoed.GetProperty("cookies").GetProperty("theme").GetString());
        Assert.Equal("203.0.113.24", echoed.GetProperty("remoteIp").GetString());
        Assert.Equal("5b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", echoed.GetProperty("traceIdentifier").GetString());
        Assert.Equal("https", echoed.GetProperty("scheme").GetString());
        Assert.Equal("application/json; charset=utf-8", response.GetProperty("multiValueHeaders").GetProperty("Content-Type")[0].GetString());
    }

    [Fact]
    public async Task Base64_upload_reaches_the_app_as_the_original_bytes()
    {
        var payload = Payloads.Read("rest-post-binary.json");
        var sent = Convert.FromBase64String(JsonDocument.Parse(payload).RootElement.GetProperty("body").GetString()!);

        var response = await _app.InvokeAsync(LambdaEventSource.RestApi, payload);

        using var body = JsonDocument.Parse(response.GetProperty("body").GetString()!);
        Assert.Equal(sent.Length, body.RootElement.GetProperty("length").GetInt32());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(sent)), body.RootElement.GetProperty("sha256").GetString());
        Assert.Equal("application/octet-stream", body.RootElement.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Every_set_cookie_is_kept_in_multi_value_headers()
    {
        var response = await _app.InvokeAsync(LambdaEventSource.RestApi, Payloads.Read("rest-get-cookies.json"));

        Assert.Equal("visitor=42", response.GetProperty("body").GetString());
        var cookies = response.GetProperty("multiValueHeaders").GetProperty("Set-Cookie").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(2, cookies.Length);
        Assert.StartsWith("session=new-session", cookies[0]);
        Assert.StartsWith("theme=light", cookies[1]);
    }
}
