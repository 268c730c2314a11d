namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>The outcome of a batch call: which entries (by their index in the request) failed, and why.</summary>
public sealed record SqsBatchResult(int Count, IReadOnlyList<SqsBatchFailure> Failed)
{
    public bool AllSucceeded => Failed.Count == 0;

    public IEnumerable<int> SucceededIndexes => Enumerable.Range(0, Count).Except(Failed.Select(f => f.Index));
}

public sealed record SqsBatchFailure(int Index, string Code, string Message, bool SenderFault);
