using System.Buffers;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>The response body as a write-only stream into the invocation's buffer; the first write starts the response.</summary>
internal sealed class ResponseBodyStream(LambdaHttpFeatures owner, ArrayBufferWriter<byte> buffer) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => owner.StartAsync().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => owner.StartAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> source)
    {
        owner.StartAsync().GetAwaiter().GetResult();
        buffer.Write(source);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        await owner.StartAsync(cancellationToken);
        buffer.Write(source.Span);
    }
}
