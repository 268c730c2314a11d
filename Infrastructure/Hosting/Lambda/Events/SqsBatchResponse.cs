namespace BoxOffice.Hosting.Lambda.Events;

/// <summary>
/// A partial batch response: only the listed messages are failures (they return to the queue); the rest of the
/// batch is deleted. Needs <c>ReportBatchItemFailures</c> on the event source mapping.
/// </summary>
public sealed class SqsBatchResponse
{
    public List<SqsBatchItemFailure> BatchItemFailures { get; init; } = [];
}

public sealed class SqsBatchItemFailure
{
    /// <summary>The <c>messageId</c> of the failed message.</summary>
    public required string ItemIdentifier { get; init; }
}
