using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Hosting.Lambda;
using BoxOffice.Hosting.Lambda.AspNetCore;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>
/// The bridge offers <c>IHttpMaxRequestBodySizeFeature</c> with Kestrel's semantics: the server's limit to start
/// with, a per-request change until the body is read, then read-only; a body over it is a 413 BadHttpRequestException.
/// </summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class RequestBodyLimitTests : IAsyncLifetime
{
    private static readonly string TwentyBytes = new('b', 20);
    private EchoApp _app = null!;

    public async Task InitializeAsync() => _app = await EchoApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_limit_starts_at_the_servers_and_becomes_read_only_once_the_body_is_read()
    {
        var seen = await LimitAsync("/limit", TwentyBytes, serverLimit: 30_000_000);

        Assert.True(seen.GetProperty("offered").GetBoolean());
        Assert.Equal(30_000_000, seen.GetProperty("max").GetInt64());
        Assert.False(seen.GetProperty("readOnlyBefore").GetBoolean());
        Assert.True(seen.GetProperty("readOnlyAfter").GetBoolean());
        Assert.Equal(20, seen.GetProperty("read").GetInt64());
        Assert.Equal("refused", seen.GetProperty("changeAfterRead").GetString());
    }

    [Theory]
    [InlineData("/limit", 10L, null)]          // the server's limit
    [InlineData("/limit?set=5", 100L, null)]   // lowered for this request
    [InlineData("/limit", 10L, "5")]           // the declared length understates the body
    public async Task A_body_over_the_limit_is_refused_with_413_and_nothing_is_read(string path, long serverLimit, string? declaredLength)
    {
        var seen = await LimitAsync(path, TwentyBytes, serverLimit, declaredLength);

        Assert.Equal(413, seen.GetProperty("refused").GetInt32());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("read").ValueKind);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_whatever_arrived()
    {
        var seen = await LimitAsync("/limit", "{}", serverLimit: 10, declaredLength: "1000");

        Assert.Equal(413, seen.GetProperty("refused").GetInt32());
    }

    [Theory]
    [InlineData("/limit", 20L)]              // exactly at the limit
    [InlineData("/limit?set=100", 10L)]      // raised for this request
    [InlineData("/limit?set=none", 10L)]     // lifted for this request
    [InlineData("/limit", null)]             // no server limit
    public async Task A_body_within_the_limit_is_read_whole(string path, long? serverLimit)
    {
        var seen = await LimitAsync(path, TwentyBytes, serverLimit);

        Assert.Equal(20, seen.GetProperty("read").GetInt64());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("refused").ValueKind);
    }

    [Fact]
    public void A_negative_limit_is_refused()
    {
        var limit = new RequestBodyLimit(10);

        Assert.Throws<ArgumentOutOfRangeException>(() => limit.MaxRequestBodySize = -1);
        limit.MaxRequestBodySize = null;
        Assert.Null(limit.MaxRequestBodySize);
    }

    private async Task<JsonElement> LimitAsync(string path, string body, long? serverLimit, string? declaredLength = null)
    {
        var headers = declaredLength is null ? null : new Dictionary<string, string> { ["content-length"] = declaredLength };
        var response = await _app.InvokeAsync(LambdaEventSource.HttpApi, HttpApiEvent.Create("POST", path, body, headers: headers), maxRequestBodySize: serverLimit);
        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        return JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement.Clone();
    }
}
