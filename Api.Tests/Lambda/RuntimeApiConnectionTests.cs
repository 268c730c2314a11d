using System.Diagnostics;
using System.Net;
using System.Text;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Hosting.Lambda.Runtime;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>The Runtime API client's HTTP/1.1 framing, against a loopback server that answers with scripted bytes.</summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class RuntimeApiConnectionTests
{
    private const string Next = "/2018-06-01/runtime/invocation/next";

    [Fact]
    public void A_request_carries_host_length_type_and_extra_headers_and_a_content_length_body_is_read()
    {
        using var server = new ScriptedHttpServer(_ => ScriptedAnswer.Of("HTTP/1.1 202 Accepted\r\ncontent-LENGTH: 5\r\nX-Thing:  spaced value \r\n\r\nhello"));
        using var connection = new RuntimeApiConnection(server.Address);

        var response = connection.Send("POST", "/2018-06-01/runtime/init/error", "{\"a\":1}"u8, "application/json",
            [("Lambda-Runtime-Function-Error-Type", "Runtime.Boom")], CancellationToken.None);

        Assert.Equal(202, response.Status);
        Assert.Equal("hello", Encoding.ASCII.GetString(response.Body));
        Assert.Equal("spaced value", response.Header("x-thing"));
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST /2018-06-01/runtime/init/error HTTP/1.1", request.RequestLine);
        Assert.Equal(server.Address, request.Header("Host"));
        Assert.Equal("7", request.Header("Content-Length"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("Runtime.Boom", request.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public void A_chunked_body_with_extensions_and_trailers_is_joined_even_when_every_byte_arrives_alone()
    {
        using var server = new ScriptedHttpServer(_ => ScriptedAnswer.ByteByByte(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nLambda-Runtime-Aws-Request-Id: r-1\r\n\r\n" +
            "5;name=value\r\n{\"a\":\r\nA\r\n\"bcdefgh\"}\r\n0\r\nTrailer: x\r\n\r\n"));
        using var connection = new RuntimeApiConnection(server.Address);

        var response = connection.Send("GET", Next, default, null, null, CancellationToken.None);

        Assert.Equal("{\"a\":\"bcdefgh\"}", Encoding.ASCII.GetString(response.Body));
        Assert.Equal("r-1", response.Header("Lambda-Runtime-Aws-Request-Id"));
        Assert.Null(Assert.Single(server.Requests).Header("Content-Length")); // a GET sends no body framing
    }

    [Fact]
    public void Bodies_and_heads_larger_than_the_buffer_pass_whole_both_ways_on_one_connection()
    {
        // Over the size sent in one piece, then within it (the send buffer grows), then tiny and small again.
        int[] sizes = [300_000, 300_000, 100_000, 7, 5_000];
        var manyHeaders = string.Concat(Enumerable.Range(0, 400).Select(i => $"X-Header-{i}: {new string('v', 40)}\r\n"));
        using var server = new ScriptedHttpServer(request =>
            ScriptedAnswer.Of($"HTTP/1.1 200 OK\r\n{manyHeaders}Content-Length: {request.Body.Length}\r\n\r\n{Encoding.ASCII.GetString(request.Body)}"));
        using var connection = new RuntimeApiConnection(server.Address);

        foreach (var (size, i) in sizes.Select((size, i) => (size, i)))
        {
            var body = string.Concat(Enumerable.Repeat((char)('a' + i), size));
            var response = connection.Send("POST", "/big", Encoding.ASCII.GetBytes(body), "text/plain", null, CancellationToken.None);
            Assert.Equal(body, Encoding.ASCII.GetString(response.Body));
            Assert.Equal(new string('v', 40), response.Header("X-Header-399"));
        }
        Assert.Equal(1, server.Connections);
        Assert.Equal(sizes, server.Requests.Select(r => r.Body.Length));
    }

    [Fact]
    public void After_connection_close_or_a_body_that_ends_with_the_connection_the_next_call_opens_a_new_one_and_interim_answers_are_skipped()
    {
        var answers = new Queue<ScriptedAnswer>([
            ScriptedAnswer.Of("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", close: true),
            ScriptedAnswer.Of("HTTP/1.1 200 OK\r\n\r\nuntil the end", close: true),
            ScriptedAnswer.Of("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"),
        ]);
        using var server = new ScriptedHttpServer(_ => answers.Dequeue());
        using var connection = new RuntimeApiConnection(server.Address);

        Assert.Equal("ok", Encoding.ASCII.GetString(connection.Send("GET", Next, default, null, null, CancellationToken.None).Body));
        Assert.Equal("until the end", Encoding.ASCII.GetString(connection.Send("GET", Next, default, null, null, CancellationToken.None).Body));
        var afterInterim = connection.Send("GET", Next, default, null, null, CancellationToken.None);
        Assert.Equal(204, afterInterim.Status);
        Assert.Empty(afterInterim.Body);
        Assert.Equal([1, 2, 3], server.Requests.Select(r => r.Connection));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", "closed the connection")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", "closed the connection")]
    [InlineData("SPDY/3 200 OK\r\n\r\n", "a status line 'SPDY/3 200 OK'")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "a chunk size 'zz'")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length '-1'")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "a header line without a name")]
    public void A_truncated_or_malformed_answer_fails_the_call_by_name_and_the_next_call_starts_clean(string raw, string named)
    {
        var first = true;
        using var server = new ScriptedHttpServer(_ =>
        {
            if (!first) return ScriptedAnswer.Of("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ngood");
            first = false;
            return ScriptedAnswer.Of(raw, close: true);
        });
        using var connection = new RuntimeApiConnection(server.Address);

        var failure = Assert.Throws<HttpRequestException>(() => connection.Send("GET", Next, default, null, null, CancellationToken.None));
        Assert.Contains(named, failure.Message + failure.InnerException?.Message, StringComparison.Ordinal);
        Assert.Equal("good", Encoding.ASCII.GetString(connection.Send("GET", Next, default, null, null, CancellationToken.None).Body));
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task Cancelling_stops_a_call_that_waits_for_an_answer()
    {
        using var server = new ScriptedHttpServer(_ => ScriptedAnswer.Never);
        using var connection = new RuntimeApiConnection(server.Address);
        using var cancel = new CancellationTokenSource();

        var call = Task.Run(() => connection.Send("GET", Next, default, null, null, cancel.Token));
        await ApiCalls.EventuallyAsync(() => Task.FromResult(server.Requests.Count), n => n == 1, TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancelled after {clock.Elapsed}");
    }

    [Fact]
    public void With_a_timeout_a_call_that_gets_no_answer_fails_instead_of_waiting_forever()
    {
        using var server = new ScriptedHttpServer(_ => ScriptedAnswer.Never);
        using var connection = new RuntimeApiConnection(server.Address, timeout: TimeSpan.FromMilliseconds(300));

        Assert.Throws<HttpRequestException>(() => connection.Send("POST", "/2018-06-01/runtime/init/error", "{}"u8, "application/json", null, CancellationToken.None));
    }

    [Fact]
    public void The_client_refuses_a_status_the_runtime_api_did_not_accept_with_that_status()
    {
        using var server = new ScriptedHttpServer(_ => ScriptedAnswer.Of("HTTP/1.1 413 Request Entity Too Large\r\nContent-Length: 0\r\n\r\n"));
        using var client = new RuntimeApiClient(server.Address);

        var refused = Assert.Throws<HttpRequestException>(() => client.PostResponse("r-1", "{}"u8, CancellationToken.None));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("POST /2018-06-01/runtime/invocation/r-1/response HTTP/1.1", Assert.Single(server.Requests).RequestLine);
    }
}
