using System.Text.Json.Serialization;

namespace BoxOffice.Hosting.Lambda.Events;

/// <summary>A batch of SQS messages delivered by the event source mapping.</summary>
public sealed class SqsEvent
{
    [JsonPropertyName("Records")]
    public List<SqsEventRecord>? Records { get; init; }
}

public sealed class SqsEventRecord
{
    public string? MessageId { get; init; }

    public string? ReceiptHandle { get; init; }

    public string? Body { get; init; }

    /// <summary>System attributes such as <c>ApproximateReceiveCount</c> and <c>SentTimestamp</c>.</summary>
    public Dictionary<string, string>? Attributes { get; init; }

    public Dictionary<string, SqsMessageAttribute>? MessageAttributes { get; init; }

    public string? Md5OfBody { get; init; }

    public string? EventSource { get; init; }

    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; init; }

    public string? AwsRegion { get; init; }
}

public sealed class SqsMessageAttribute
{
    public string? StringValue { get; init; }

    /// <summary>Base64 of the bytes, for <c>Binary</c> attributes.</summary>
    public string? BinaryValue { get; init; }

    public List<string>? StringListValues { get; init; }

    public List<string>? BinaryListValues { get; init; }

    public string? DataType { get; init; }
}
