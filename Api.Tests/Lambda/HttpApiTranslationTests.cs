using System.Security.Cryptography;
using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Hosting.Lambda;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>Recorded HTTP API (payload 2.0) events through the bridge into a real pipeline, and the answers back.</summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class HttpApiTranslationTests : IAsyncLifetime
{
    private EchoApp _app = null!;

    public async Task InitializeAsync() => _app = await EchoApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Get_with_repeated_query_keys_keeps_every_value_header_and_cookie()
    {
        var echoed = await EchoAsync("http-get-repeated-query.json");

        Assert.Equal("GET", echoed.GetProperty("method").GetString());
        Assert.Equal("/echo/search", echoed.GetProperty("path").GetString());
        Assert.Equal("?tag=rock&tag=jazz&q=late%20night&empty=", echoed.GetProperty("queryString").GetString());
        Assert.Equal("/echo/search?tag=rock&tag=jazz&q=late%20night&empty=", echoed.GetProperty("rawTarget").GetString());
        Assert.Equal(["rock", "jazz"], Strings(echoed.GetProperty("query").GetProperty("tag")));
        Assert.Equal(["late night"], Strings(echoed.GetProperty("query").GetProperty("q")));
        Assert.Equal([""], Strings(echoed.GetProperty("query").GetProperty("empty")));
        var headers = echoed.GetProperty("headers");
        Assert.Equal("application/json, text/plain", headers.GetProperty("accept").GetString());
        Assert.Equal("one,two", headers.GetProperty("x-custom").GetString());
        Assert.Equal("abc123", echoed.GetProperty("cookies").GetProperty("session").GetString());
        Assert.Equal("dark", echoed.GetProperty("cookies").GetProperty("theme").GetString());
        Assert.Equal("https", echoed.GetProperty("scheme").GetString());
        Assert.Equal("k3xa8b2c1d.execute-api.eu-west-1.amazonaws.com", echoed.GetProperty("host").GetString());
        Assert.Equal("203.0.113.24", echoed.GetProperty("remoteIp").GetString());
        Assert.Equal("HTTP/1.1", echoed.GetProperty("protocol").GetString());
        Assert.Equal("CzA1sjYhDoEEMdw=", echoed.GetProperty("traceIdentifier").GetString());
        Assert.Equal("aws-req-1", echoed.GetProperty("awsRequestId").GetString());
        Assert.Equal("Root=1-test", echoed.GetProperty("xrayTraceId").GetString());
        Assert.Equal("Root=1-test", echoed.GetProperty("xrayTraceItem").GetString());
    }

    [Fact]
    public async Task Post_json_arrives_byte_for_byte_with_its_headers()
    {
        var echoed = await EchoAsync("http-post-json.json");

        Assert.Equal("POST", echoed.GetProperty("method").GetString());
        Assert.Equal("{\"quantity\":2,\"note\":\"café ☕\"}", echoed.GetProperty("body").GetString());
        Assert.Equal(33, echoed.GetProperty("contentLength").GetInt64());
        var headers = echoed.GetProperty("headers");
        Assert.Equal("application/json; charset=utf-8", headers.GetProperty("content-type").GetString());
        Assert.Equal("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", headers.GetProperty("authorization").GetString());
        Assert.Equal("7d1c7e0e-5b0c-4f8e-9a7e-3b2f0c9d1a11", headers.GetProperty("idempotency-key").GetString());
        Assert.Equal("api.boxoffice.example", echoed.GetProperty("host").GetString());
    }

    [Fact]
    public async Task Post_without_a_body_arrives_empty()
    {
        var echoed = await EchoAsync("http-post-empty.json");

        Assert.Equal("POST", echoed.GetProperty("method").GetString());
        Assert.Equal("", echoed.GetProperty("body").GetString());
        Assert.Equal(0, echoed.GetProperty("contentLength").GetInt64());
    }

    [Fact]
    public async Task Base64_upload_reaches_the_app_as_the_original_bytes()
    {
        var payload = Payloads.Read("http-post-binary.json");
        var sent = Convert.FromBase64String(JsonDocument.Parse(payload).RootElement.GetProperty("body").GetString()!);

        var response = await _app.InvokeAsync(LambdaEventSource.HttpApi, payload);

        using var body = JsonDocument.Parse(response.GetProperty("body").GetString()!);
        Assert.Equal(sent.Length, body.RootElement.GetProperty("length").GetInt32());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(sent)), body.RootElement.GetProperty("sha256").GetString());
        Assert.Equal("image/png", body.RootElement.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Binary_download_is_base64_encoded_by_content_type()
    {
        var response = await _app.InvokeAsync(LambdaEventSource.HttpApi, Payloads.Read("http-get-binary.json"));

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.True(response.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(EchoApp.Png, Convert.FromBase64String(response.GetProperty("body").GetString()!));
        Assert.Equal("image/png", response.GetProperty("headers").GetProperty("Content-Type").GetString());
    }

    [Fact]
    public async Task Binary_content_types_are_configurable()
    {
        var text = await _app.InvokeAsync(LambdaEventSource.HttpApi, Payloads.Read("http-encoded-slash.json"));
        var asBinary = await _app.InvokeAsync(LambdaEventSource.HttpApi, Payloads.Read("http-encoded-slash.json"), binaryTypes: ["text/plain"]);

        Assert.False(text.GetProperty("isBase64Encoded").GetBoolean());
        Assert.True(asBinary.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(text.GetProperty("body").GetString(), System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(asBinary.GetProperty("body").GetString()!)));
    }

    [Fact]
    public async Task Cookies_travel_both_ways()
    {
        var response = await _app.InvokeAsync(LambdaEventSource.HttpApi, Payloads.Read("http-get-cookies.json"));

        Assert.Equal("visitor=42", response.GetProperty("body").GetString());
        var cookies = Strings(response.GetProperty("cookies"));
        Assert.Equal(2, cookies.Length);
        Assert.StartsWith("session=new-session", cookies[0]);
        Assert.Contains("httponly", cookies[0]);
        Assert.StartsWith("theme=light", cookies[1]);
        Assert.False(response.GetProperty("headers").TryGetProperty("Set-Cookie", out _));
    }

    [Fact]
    public async Task Decoded_path_with_space_plus_and_unicode_is_re_encoded_and_query_kept_encoded()
    {
        var echoed = await EchoAsync("http-odd-path.json");

        Assert.Equal("/echo/late show+extra/café/チケット", echoed.GetProperty("path").GetString());
        Assert.Equal(
            "/echo/late%20show+extra/caf%C3%A9/%E3%83%81%E3%82%B1%E3%83%83%E3%83%88?name=caf%C3%A9&sum=1%2B1&space=a+b",
            echoed.GetProperty("rawTarget").GetString());
        var query = echoed.GetProperty("query");
        Assert.Equal(["café"], Strings(query.GetProperty("name")));
        Assert.Equal(["1+1"], Strings(query.GetProperty("sum")));
        Assert.Equal(["a b"], Strings(query.GetProperty("space")));
        Assert.Equal("2001:db8::7", echoed.GetProperty("remoteIp").GetString());
    }

    [Fact]
    public async Task Encoded_slash_stays_inside_one_path_segment_as_on_kestrel()
    {
        var response = await _app.InvokeAsync(LambdaEventSource.HttpApi, Payloads.Read("http-encoded-slash.json"));

        // Routed to /files/{name} (one segment); like Kestrel, routing leaves %2F in the value and decodes the rest.
        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("file:2024%2Fposter v2.png", response.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Stage_prefix_becomes_the_path_base()
    {
        var echoed = await EchoAsync("http-stage.json");

        Assert.Equal("/prod", echoed.GetProperty("pathBase").GetString());
        Assert.Equal("/echo/shows", echoed.GetProperty("path").GetString());
        Assert.Equal("shows", echoed.GetProperty("rest").GetString());
        Assert.Equal("/prod/echo/shows?limit=5", echoed.GetProperty("rawTarget").GetString());
    }

    [Fact]
    public async Task A_custom_domains_api_mapping_becomes_the_path_base()
    {
        var echoed = await EchoAsync("http-custom-domain.json");

        Assert.Equal("/v1", echoed.GetProperty("pathBase").GetString());
        Assert.Equal("/echo/shows", echoed.GetProperty("path").GetString());
        Assert.Equal("shows", echoed.GetProperty("rest").GetString());
        Assert.Equal("/v1/echo/shows?limit=5", echoed.GetProperty("rawTarget").GetString());
    }

    [Fact]
    public async Task No_content_answer_has_an_empty_body()
    {
        var response = await _app.InvokeAsync(LambdaEventSource.HttpApi, Payloads.Read("http-delete-no-content.json"));

        Assert.Equal(204, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("", response.GetProperty("body").GetString());
        Assert.False(response.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Theory]
    [InlineData("/throw")]
    [InlineData("/throw-after-write")]
    public async Task An_exception_in_the_app_becomes_a_500_problem_and_the_next_request_still_works(string path)
    {
        var response = await _app.InvokeAsync(LambdaEventSource.HttpApi, WithPath("http-get-binary.json", path));

        Assert.Equal(500, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/problem+json", response.GetProperty("headers").GetProperty("Content-Type").GetString());
        var body = response.GetProperty("body").GetString()!;
        Assert.DoesNotContain("partial", body);
        Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());

        var next = await _app.InvokeAsync(LambdaEventSource.HttpApi, Payloads.Read("http-get-binary.json"));
        Assert.Equal(200, next.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task OnStarting_and_OnCompleted_callbacks_run()
    {
        EchoApp.CompletedCallbackRan = false;

        var response = await _app.InvokeAsync(LambdaEventSource.HttpApi, WithPath("http-get-binary.json", "/callbacks"));

        Assert.Equal("yes", response.GetProperty("headers").GetProperty("X-Started").GetString());
        Assert.True(EchoApp.CompletedCallbackRan);
    }

    [Fact]
    public async Task An_event_that_is_not_an_http_api_request_is_refused()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() =>
            _app.InvokeAsync(LambdaEventSource.HttpApi, """{"Records":[{"messageId":"1","body":"x"}]}"""));
    }

    private async Task<JsonElement> EchoAsync(string payload)
    {
        var response = await _app.InvokeAsync(LambdaEventSource.HttpApi, Payloads.Read(payload));
        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.False(response.GetProperty("isBase64Encoded").GetBoolean());
        return JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement.Clone();
    }

    private static string WithPath(string payload, string path) =>
        Payloads.Read(payload).Replace("/files/poster.png", path, StringComparison.Ordinal);

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
