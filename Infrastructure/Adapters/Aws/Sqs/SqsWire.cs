using System.Text.Json;
using System.Text.Json.Serialization;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>Request and response bodies of the SQS JSON protocol (AWS JSON 1.0), member names as the API spells them.</summary>
internal static class SqsWire
{
    public static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record MessageAttribute(string DataType, string? StringValue);

    public sealed record SendMessage(string QueueUrl, string MessageBody, Dictionary<string, MessageAttribute>? MessageAttributes, int? DelaySeconds);

    public sealed record SendEntry(string Id, string MessageBody, Dictionary<string, MessageAttribute>? MessageAttributes, int? DelaySeconds);

    public sealed record SendMessageBatch(string QueueUrl, IReadOnlyList<SendEntry> Entries);

    public sealed record SendMessageResult(string? MessageId);

    public sealed record ReceiveMessage(
        string QueueUrl, int MaxNumberOfMessages, int WaitTimeSeconds, int? VisibilityTimeout,
        IReadOnlyList<string> MessageAttributeNames, IReadOnlyList<string> MessageSystemAttributeNames);

    public sealed record ReceivedMessage(
        string MessageId, string ReceiptHandle, string? Body,
        Dictionary<string, string>? Attributes, Dictionary<string, MessageAttribute>? MessageAttributes);

    public sealed record ReceiveMessageResult(IReadOnlyList<ReceivedMessage>? Messages);

    public sealed record DeleteMessage(string QueueUrl, string ReceiptHandle);

    public sealed record DeleteEntry(string Id, string ReceiptHandle);

    public sealed record DeleteMessageBatch(string QueueUrl, IReadOnlyList<DeleteEntry> Entries);

    public sealed record ChangeMessageVisibility(string QueueUrl, string ReceiptHandle, int VisibilityTimeout);

    public sealed record GetQueueAttributes(string QueueUrl, IReadOnlyList<string> AttributeNames);

    public sealed record QueueAttributesResult(Dictionary<string, string>? Attributes);

    public sealed record CreateQueue(string QueueName, Dictionary<string, string>? Attributes);

    public sealed record QueueUrlResult(string QueueUrl);

    public sealed record BatchResultError(string Id, string? Code, string? Message, bool SenderFault);

    public sealed record BatchResult(IReadOnlyList<BatchResultError>? Failed);
}
