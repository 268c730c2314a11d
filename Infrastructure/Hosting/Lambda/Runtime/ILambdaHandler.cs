namespace BoxOffice.Hosting.Lambda.Runtime;

/// <summary>Turns one event into the JSON response Lambda returns to the caller.</summary>
public interface ILambdaHandler
{
    /// <summary>
    /// Handles <paramref name="invocation"/>. The returned bytes are posted before the next invocation starts, so a
    /// handler may reuse its buffer. An exception becomes an invocation error with its type, message and stack.
    /// </summary>
    ValueTask<ReadOnlyMemory<byte>> HandleAsync(LambdaInvocation invocation, CancellationToken ct);
}
