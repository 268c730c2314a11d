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
        Assert.Equal("Root=1-test", echoed.GetProperty("xrayTraceId").GetString());
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

    [Fact]
    public async Task A_custom_domains_base_path_mapping_becomes_the_path_base()
    {
        var echoed = await EchoAsync(Payloads.Read("rest-custom-domain.json"));

        Assert.Equal("/v1", echoed.GetProperty("pathBase").GetString());
        Assert.Equal("/echo/items", echoed.GetProperty("path").GetString());
        Assert.Equal("items", echoed.GetProperty("rest").GetString());
        Assert.Equal("/v1/echo/items?page=2", echoed.GetProperty("rawTarget").GetString());
        Assert.Equal("api.boxoffice.example", echoed.GetProperty("host").GetString());
    }

    [Theory]
    [InlineData("/prod")]
    [InlineData("/prod/")]
    public async Task The_stage_root_has_the_stage_as_path_base(string sent)
    {
        var echoed = await EchoAsync(StageRoot(sent));

        Assert.Equal("/prod", echoed.GetProperty("pathBase").GetString());
        Assert.Equal("/", echoed.GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_trailing_slash_only_the_client_sent_is_kept_and_the_stage_still_splits_off()
    {
        var payload = Payloads.Read("rest-custom-domain.json")
            .Replace("\"path\": \"/v1/echo/items\",\n    \"protocol\"", "\"path\": \"/prod/echo/items/\",\n    \"protocol\"", StringComparison.Ordinal)
            .Replace("\"path\": \"/v1/echo/items\"", "\"path\": \"/echo/items\"", StringComparison.Ordinal);

        var echoed = await EchoAsync(payload);

        Assert.Equal("/prod", echoed.GetProperty("pathBase").GetString());
        Assert.Equal("/echo/items/", echoed.GetProperty("path").GetString());
    }

    private async Task<JsonElement> EchoAsync(string payload)
    {
        var response = await _app.InvokeAsync(LambdaEventSource.RestApi, payload);
        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        return JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement.Clone();
    }

    /// <summary>A GET of the stage root as an execute-api domain delivers it: <c>path</c> and <c>resource</c> "/".</summary>
    private static string StageRoot(string sent) => $$"""
        {
          "resource": "/", "path": "/", "httpMethod": "GET",
          "multiValueHeaders": { "Host": ["r7t9u1v3w5.execute-api.eu-west-1.amazonaws.com"] },
          "requestContext": { "path": "{{sent}}", "stage": "prod", "requestId": "root-1", "httpMethod": "GET" },
          "body": null, "isBase64Encoded": false
        }
        """;
}
