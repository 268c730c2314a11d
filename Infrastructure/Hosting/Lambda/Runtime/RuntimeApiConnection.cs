using System.Globalization;
using System.Numerics;
using System.Net.Sockets;
using System.Text;

namespace BoxOffice.Hosting.Lambda.Runtime;

/// <summary>
/// HTTP/1.1 to the Runtime API over one kept-alive TCP connection, with blocking calls on the caller's thread.
/// Invocations are handled one at a time, so no call overlaps another; blocking keeps the runtime loop on one thread
/// (no thread-pool hop per call). Bodies are framed by Content-Length or chunked; a response without either ends
/// when the server closes. The connection is opened on first use and again after the server closed it.
/// </summary>
internal sealed class RuntimeApiConnection(string hostAndPort, TimeSpan? timeout = null) : IDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private readonly (string Host, int Port) _endpoint = Parse(hostAndPort);
    private const int MaxCoalescedBytes = 256 * 1024;
    private byte[] _request = new byte[4 * 1024];
    private byte[] _buffer = new byte[8 * 1024];
    private int _start, _end; // the received bytes not consumed yet: _buffer[_start.._end]
    private Socket? _socket;

    /// <summary>Sends one request and reads its response; <paramref name="ct"/> closes the connection to stop a call that blocks.</summary>
    public RuntimeApiResponse Send(string method, string path, ReadOnlySpan<byte> body, string? contentType, IReadOnlyList<(string Name, string Value)>? headers, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var socket = _socket ??= Connect();
        using var stop = ct.Register(static s => ((Socket)s!).Dispose(), socket);
        try
        {
            WriteRequest(socket, method, path, body, contentType, headers);
            var response = ReadResponse(socket);
            while (response.Status is >= 100 and < 200) response = ReadResponse(socket); // interim answers (100 Continue) precede the real one
            if (response.CloseAfter) Close();
            return response;
        }
        catch (HttpRequestException)
        {
            Close(); // a malformed answer leaves the connection in an unknown state
            throw;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            Close();
            ct.ThrowIfCancellationRequested();
            throw new HttpRequestException($"The Runtime API connection failed during {method} {path}: {ex.Message}", ex);
        }
    }

    public void Dispose() => Close();

    private Socket Connect()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (timeout is { } limit) socket.SendTimeout = socket.ReceiveTimeout = (int)limit.TotalMilliseconds;
        try
        {
            socket.Connect(_endpoint.Host, _endpoint.Port);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return socket;
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _start = _end = 0;
    }

    private void WriteRequest(Socket socket, string method, string path, ReadOnlySpan<byte> body, string? contentType, IReadOnlyList<(string Name, string Value)>? headers)
    {
        var head = new StringBuilder(256)
            .Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\nHost: ").Append(hostAndPort).Append("\r\n");
        if (method != "GET") head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        if (contentType is not null) head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        if (headers is not null)
            foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        var text = head.Append("\r\n").ToString();

        var length = Encoding.ASCII.GetByteCount(text);
        if (length + body.Length <= MaxCoalescedBytes)
        {
            // Head and body in one send: one wake-up of the Runtime API instead of two (NoDelay sends each at once).
            if (_request.Length < length + body.Length) _request = new byte[Math.Min(MaxCoalescedBytes, (int)BitOperations.RoundUpToPowerOf2((uint)(length + body.Length)))];
            Encoding.ASCII.GetBytes(text, _request);
            body.CopyTo(_request.AsSpan(length));
            SendAll(socket, _request.AsSpan(0, length + body.Length));
            return;
        }
        SendAll(socket, Encoding.ASCII.GetBytes(text));
        SendAll(socket, body);
    }

    private static void SendAll(Socket socket, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty) bytes = bytes[socket.Send(bytes)..];
    }

    private RuntimeApiResponse ReadResponse(Socket socket)
    {
        var headEnd = FillUntilHeaderEnd(socket);
        var head = Encoding.ASCII.GetString(_buffer, _start, headEnd - _start);
        _start = headEnd + HeaderEnd.Length;

        var lines = head.Split("\r\n");
        var status = ParseStatus(lines[0]);
        var headers = new List<(string Name, string Value)>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) throw Malformed($"a header line without a name: '{lines[i]}'");
            headers.Add((lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
        }

        var response = new RuntimeApiResponse(status, headers, []);
        var close = string.Equals(response.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase);
        byte[] body;
        if (status is 204 or 304 || (status >= 100 && status < 200)) body = [];
        else if (response.Header("Transfer-Encoding") is { } encoding)
        {
            if (!encoding.EndsWith("chunked", StringComparison.OrdinalIgnoreCase)) throw Malformed($"Transfer-Encoding '{encoding}'");
            body = ReadChunked(socket);
        }
        else if (response.Header("Content-Length") is { } lengthText)
        {
            if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > Array.MaxLength)
                throw Malformed($"Content-Length '{lengthText}'");
            body = ReadExactly(socket, (int)length);
        }
        else
        {
            body = ReadToClose(socket);
            close = true;
        }
        return response with { Body = body, CloseAfter = close };
    }

    private byte[] ReadChunked(Socket socket)
    {
        var body = new MemoryStream();
        while (true)
        {
            var line = ReadLine(socket);
            var size = (line.IndexOf(';', StringComparison.Ordinal) is var semicolon and >= 0 ? line[..semicolon] : line).Trim();
            if (!int.TryParse(size, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var length) || length < 0)
                throw Malformed($"a chunk size '{line}'");
            if (length == 0)
            {
                while (ReadLine(socket).Length > 0) { } // trailers, up to the empty line
                return body.ToArray();
            }
            body.Write(ReadExactly(socket, length));
            if (ReadLine(socket).Length != 0) throw Malformed("a chunk not followed by CRLF");
        }
    }

    private byte[] ReadExactly(Socket socket, int length)
    {
        var body = new byte[length];
        var buffered = Math.Min(length, _end - _start);
        _buffer.AsSpan(_start, buffered).CopyTo(body);
        _start += buffered;
        for (var read = buffered; read < length;)
        {
            var got = socket.Receive(body.AsSpan(read));
            if (got == 0) throw new IOException($"The Runtime API closed the connection {length - read} bytes before the end of a body.");
            read += got;
        }
        return body;
    }

    private byte[] ReadToClose(Socket socket)
    {
        var body = new MemoryStream();
        body.Write(_buffer, _start, _end - _start);
        _start = _end = 0;
        var chunk = new byte[8 * 1024];
        for (int got; (got = socket.Receive(chunk)) > 0;) body.Write(chunk, 0, got);
        return body.ToArray();
    }

    private string ReadLine(Socket socket)
    {
        while (true)
        {
            var at = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (at >= 0)
            {
                var line = Encoding.ASCII.GetString(_buffer, _start, at);
                _start += at + 2;
                return line;
            }
            Receive(socket);
        }
    }

    /// <summary>Receives until the buffer holds a whole response head; returns where its blank line starts.</summary>
    private int FillUntilHeaderEnd(Socket socket)
    {
        var searched = _start;
        while (true)
        {
            var at = _buffer.AsSpan(searched, _end - searched).IndexOf(HeaderEnd);
            if (at >= 0) return searched + at;
            searched = Math.Max(_start, _end - (HeaderEnd.Length - 1));
            if (_end - _start >= MaxHeaderBytes) throw Malformed($"a response head over {MaxHeaderBytes} bytes");
            var before = _start;
            Receive(socket);
            searched -= before - _start; // Receive may have moved the unread bytes to the front
        }
    }

    /// <summary>Appends what the socket has to the buffer (compacting or growing it first); fails when the server closed.</summary>
    private void Receive(Socket socket)
    {
        if (_start == _end) _start = _end = 0; // all consumed: the next response starts at the front, read in one call
        else if (_start > 0 && _end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var got = socket.Receive(_buffer.AsSpan(_end));
        if (got == 0) throw new IOException("The Runtime API closed the connection before the end of a response.");
        _end += got;
    }

    private static int ParseStatus(string statusLine)
    {
        // "HTTP/1.1 202 Accepted"
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || parts[1].Length != 3
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            throw Malformed($"a status line '{statusLine}'");
        return status;
    }

    private static (string Host, int Port) Parse(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostAndPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
            throw new ArgumentException($"'{hostAndPort}' is not host:port.", nameof(hostAndPort));
        return (hostAndPort[..colon].Trim('[', ']'), port);
    }

    private static HttpRequestException Malformed(string what) => new($"The Runtime API sent {what}.");
}
