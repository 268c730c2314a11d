using System.Buffers;
using System.IO.Pipelines;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>The response body as a <see cref="PipeWriter"/> writing straight into the invocation's buffer (no copy).</summary>
internal sealed class ResponseBodyPipeWriter(LambdaHttpFeatures owner, ArrayBufferWriter<byte> buffer) : PipeWriter
{
    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => 0;

    public override void Advance(int bytes) => buffer.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => buffer.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => buffer.GetSpan(sizeHint);

    public override void CancelPendingFlush()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        await owner.StartAsync(cancellationToken);
        return new FlushResult(isCanceled: false, isCompleted: false);
    }
}
