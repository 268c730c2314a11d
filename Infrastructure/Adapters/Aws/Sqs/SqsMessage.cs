using System.Globalization;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>A received message: its String message attributes and the system attributes SQS reported.</summary>
public sealed record SqsMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyDictionary<string, string> SystemAttributes)
{
    public int ReceiveCount =>
        SystemAttributes.TryGetValue("ApproximateReceiveCount", out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 1;

    public DateTimeOffset? SentAt =>
        SystemAttributes.TryGetValue("SentTimestamp", out var v) && long.TryParse(v, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
