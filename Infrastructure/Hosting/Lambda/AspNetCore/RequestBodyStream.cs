namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>
/// The request body of an event as a read-only, forward-only stream, like Kestrel's: each read first goes through
/// the <see cref="RequestBodyLimit"/>, which measures the bytes actually sent and the length declared, the larger.
/// </summary>
internal sealed class RequestBodyStream(byte[] body, long? declaredLength, RequestBodyLimit limit) : Stream
{
    private readonly MemoryStream _body = new(body, writable: false);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        Check();
        return _body.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Check();
        return ValueTask.FromResult(_body.Read(buffer.Span));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _body.Dispose();
        base.Dispose(disposing);
    }

    private void Check() => limit.OnReading(Math.Max(body.LongLength, declaredLength ?? 0));
}
