namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>A message to send: its body and its String message attributes.</summary>
public sealed record SqsOutgoingMessage(string Body, IReadOnlyDictionary<string, string> Attributes)
{
    public int DelaySeconds { get; init; }
}
