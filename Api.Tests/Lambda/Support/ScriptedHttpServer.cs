using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>One request as it arrived on the wire: the head's lines and the body (framed by Content-Length).</summary>
public sealed record RawRequest(int Connection, string RequestLine, IReadOnlyList<string> HeaderLines, byte[] Body)
{
    public string? Header(string name) =>
        HeaderLines.Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)).Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault();
}

/// <summary>What the server does with a request: the bytes to send, in pieces, then whether to close the connection.</summary>
public sealed record ScriptedAnswer(IReadOnlyList<byte[]> Pieces, bool Close = false)
{
    public static ScriptedAnswer Of(string raw, bool close = false) => new([Encoding.ASCII.GetBytes(raw)], close);

    /// <summary>The same bytes sent one at a time, so every parser boundary falls between two reads.</summary>
    public static ScriptedAnswer ByteByByte(string raw) => new([.. Encoding.ASCII.GetBytes(raw).Select(b => new[] { b })]);

    /// <summary>Reads the request and never answers.</summary>
    public static ScriptedAnswer Never { get; } = new([]);
}

/// <summary>
/// A raw HTTP/1.1 server on a loopback port for testing a client's framing: it records each request and answers with
/// exactly the bytes a test scripts, so malformed, chunked, split or truncated answers can be produced.
/// </summary>
public sealed class ScriptedHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawRequest, ScriptedAnswer> _answer;
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public ScriptedHttpServer(Func<RawRequest, ScriptedAnswer> answer)
    {
        _answer = answer;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>host:port, as <c>AWS_LAMBDA_RUNTIME_API</c> holds it.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public ConcurrentQueue<RawRequest> Requests { get; } = new();

    public int Connections => Volatile.Read(ref _connections);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client, Interlocked.Increment(ref _connections));
        }
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        using (client)
        {
            var stream = client.GetStream();
            var pending = new List<byte>();
            try
            {
                while (await ReadRequestAsync(stream, pending, connection) is { } request)
                {
                    Requests.Enqueue(request);
                    var answer = _answer(request);
                    if (answer.Pieces.Count == 0 && !answer.Close)
                    {
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                    }
                    foreach (var piece in answer.Pieces)
                    {
                        await stream.WriteAsync(piece, _stop.Token);
                        await stream.FlushAsync(_stop.Token);
                        if (answer.Pieces.Count > 1) await Task.Delay(1, _stop.Token);
                    }
                    if (answer.Close) return;
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task<RawRequest?> ReadRequestAsync(NetworkStream stream, List<byte> pending, int connection)
    {
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(pending)) < 0)
        {
            var got = await stream.ReadAsync(buffer, _stop.Token);
            if (got == 0) return null;
            pending.AddRange(buffer.AsSpan(0, got));
        }
        var lines = Encoding.ASCII.GetString([.. pending.Take(headEnd)]).Split("\r\n");
        pending.RemoveRange(0, headEnd + 4);
        var request = new RawRequest(connection, lines[0], lines[1..], []);
        var length = int.Parse(request.Header("Content-Length") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        while (pending.Count < length)
        {
            var got = await stream.ReadAsync(buffer, _stop.Token);
            if (got == 0) return null;
            pending.AddRange(buffer.AsSpan(0, got));
        }
        var body = pending.Take(length).ToArray();
        pending.RemoveRange(0, length);
        return request with { Body = body };
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i;
        return -1;
    }
}
