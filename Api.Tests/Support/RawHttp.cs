using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace BoxOffice.Api.Tests.Support;

/// <summary>An HTTP/1.1 answer as read off the socket: status, headers (names lower-cased) and the body, de-chunked.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A request written byte for byte to a loopback port (what HttpClient would refuse to send, or send differently),
/// and the first answer read back: until its length is complete, or the server closes the connection.
/// </summary>
public static class RawHttp
{
    public static async Task<RawResponse> SendAsync(int port, string head, byte[]? body = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(head), timeout.Token);
            if (body is not null) await stream.WriteAsync(body, timeout.Token);
        }
        catch (IOException)
        {
            // the server answered and closed before taking the whole request: read what it said
        }

        var received = new StringBuilder();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException)
            {
                read = 0; // reset after answering
            }
            if (read > 0) received.Append(Encoding.Latin1.GetString(buffer, 0, read));
            if (TryParse(received.ToString(), closed: read == 0, out var response)) return response;
            if (read == 0) throw new InvalidDataException($"The connection closed before a complete answer: {received}");
        }
    }

    private static bool TryParse(string text, bool closed, out RawResponse response)
    {
        response = null!;
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) return false;
        var lines = text[..end].Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var rest = text[(end + 4)..];
        string? body;
        if (headers.TryGetValue("transfer-encoding", out var coding) && coding == "chunked") body = Dechunk(rest);
        else if (headers.TryGetValue("content-length", out var length)) body = rest.Length >= int.Parse(length, CultureInfo.InvariantCulture) ? rest : null;
        else body = closed ? rest : null;
        if (body is null) return false;
        response = new RawResponse(int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture), headers, body);
        return true;
    }

    /// <summary>The body of a complete chunked encoding; null while its last chunk has not arrived.</summary>
    private static string? Dechunk(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            if (lineEnd < 0) return null;
            var size = Convert.ToInt32(chunked[at..lineEnd], 16);
            if (size == 0) return body.ToString();
            if (chunked.Length < lineEnd + 2 + size + 2) return null;
            body.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
