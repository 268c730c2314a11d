using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BoxOffice.Api.Hosting;
using BoxOffice.Api.Tests.Support;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BoxOffice.Api.Tests.Errors;

/// <summary>
/// What a client sees from Kestrel (docs/limits.md): refusals that reach the app are problems, with a plain detail;
/// past Kestrel's own outer limits, and for a request it cannot parse, Kestrel answers itself with a bare status.
/// </summary>
public sealed class KestrelRefusalTests(KestrelRefusalTests.Server server) : IClassFixture<KestrelRefusalTests.Server>
{
    /// <summary>Kestrel with a two-second grace for slow bodies, so the 408 comes quickly.</summary>
    public sealed class Server() : KestrelApp(k => k.Limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(2)));

    [Fact]
    public async Task A_100_kb_authorization_header_is_a_431_problem()
    {
        var answer = await SendAsync($"GET /me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {new string('a', 100_000)}\r\nConnection: close\r\n\r\n");

        AssertProblem(answer, 431, $"{RequestLimits.MaxHeaderBytes} bytes");
    }

    [Fact]
    public async Task Three_hundred_header_fields_are_a_431_problem()
    {
        var fields = string.Concat(Enumerable.Range(0, 300).Select(i => $"X-Field-{i}: {i}\r\n"));

        AssertProblem(await SendAsync($"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n{fields}Connection: close\r\n\r\n"), 431, "header fields");
    }

    [Fact]
    public async Task A_20_kb_target_is_a_414_problem()
    {
        var answer = await SendAsync($"GET /shows?cursor={new string('c', 20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        AssertProblem(answer, 414, $"{RequestLimits.MaxTargetBytes} bytes");
    }

    [Fact]
    public async Task A_chunked_json_body_over_the_limit_is_a_413_problem_naming_the_limit()
    {
        var json = "{\"username\":\"" + new string('u', 70_000) + "\"}";
        var body = Encoding.ASCII.GetBytes($"{json.Length:x}\r\n{json}\r\n0\r\n\r\n");

        var answer = await SendAsync("POST /dev/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", body);

        AssertProblem(answer, 413, $"larger than the {ApiHostingExtensions.JsonBodyLimit} bytes");
    }

    [Fact]
    public async Task A_body_that_stops_arriving_is_a_408_problem()
    {
        var answer = await SendAsync("POST /dev/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 50\r\nConnection: close\r\n\r\n{\"username\"");

        AssertProblem(answer, 408, "did not arrive in time");
    }

    [Fact]
    public async Task A_chunked_body_that_breaks_off_is_a_400_problem()
    {
        var answer = await SendAsync("POST /dev/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n");

        AssertProblem(answer, 400, "could not be read");
    }

    [Fact]
    public async Task A_local_upload_longer_than_signed_is_refused_and_not_stored()
    {
        var admin = await server.AdminAsync();
        var show = (await admin.CreateShowAsync()).Str("showId");
        var upload = await (await admin.PostAsJsonAsync($"/shows/{show}/poster", new { contentType = "image/png", contentLength = 10 })).ReadAsync(HttpStatusCode.OK);
        var target = new Uri(upload.Str("uploadUrl")).PathAndQuery;

        // Kestrel never reads past a declared length, so the longer body can only come chunked, without one.
        var answer = await SendAsync($"PUT {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\nIf-None-Match: *\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
            Encoding.ASCII.GetBytes("14\r\n01234567890123456789\r\n0\r\n\r\n"));

        AssertProblem(answer, 403, "Content-Length must be 10");
        Assert.Equal("Pending", (await admin.GetJsonAsync($"/shows/{show}")).Str("posterStatus"));
    }

    [Theory]
    [InlineData(431, "headers past Kestrel's outer limit")]
    [InlineData(414, "a target past Kestrel's outer limit")]
    [InlineData(400, "a request line Kestrel cannot parse")]
    public async Task Past_kestrels_own_limits_kestrel_answers_itself_with_a_bare_status(int status, string what)
    {
        var head = status switch
        {
            431 => $"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {new string('a', RequestLimits.MaxHeaderBytes * RequestLimits.KestrelMargin)}\r\n\r\n",
            414 => $"GET /health?q={new string('q', RequestLimits.MaxTargetBytes * RequestLimits.KestrelMargin)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            _ => "NOT HTTP AT ALL\r\n\r\n",
        };

        var answer = await SendAsync(head);

        Assert.True(answer.Status == status, $"{what}: {answer.Status}");
        Assert.Equal("", answer.Body);
        Assert.Equal("close", answer.Headers["connection"]);
    }

    private Task<RawResponse> SendAsync(string head, byte[]? body = null) => RawHttp.SendAsync(server.Port, head, body);

    private static void AssertProblem(RawResponse answer, int status, string detailPart)
    {
        Assert.True(answer.Status == status, $"expected {status}: {answer.Status} {answer.Body}");
        Assert.StartsWith("application/problem+json", answer.Headers["content-type"], StringComparison.Ordinal);
        var problem = JsonDocument.Parse(answer.Body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailPart, problem.Str("detail"), StringComparison.Ordinal);
    }
}
