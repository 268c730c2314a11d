using System.Globalization;
using System.Text.Json;
using Amazon.SQS.Model;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Queue;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>
/// How jobs travel on SQS: the body is the contract JSON; the type, correlation id and W3C trace context are String
/// message attributes, and the X-Ray trace header (when the sender runs in a traced Lambda) is the <c>AWSTraceHeader</c>
/// system attribute. A body without a type that is an S3 event notification carries <c>file.uploaded</c> jobs; one that is
/// <c>{"type": "orders.sweep"}</c> (a schedule's) carries that job.
/// </summary>
public static class SqsJobMapping
{
    public const string TypeAttribute = "type";
    public const string CorrelationIdAttribute = "correlationId";
    public const string TraceParentAttribute = "traceparent";
    public const string ReceiveCountAttribute = "ApproximateReceiveCount";
    public const string SentTimestampAttribute = "SentTimestamp";

    /// <summary>The system attributes a receive asks for.</summary>
    public static readonly IReadOnlyList<string> SystemAttributes = [ReceiveCountAttribute, SentTimestampAttribute, XRayTraceHeader.SqsAttribute];

    /// <summary>The type given to a message we cannot read, so no handler takes it and it ends in the dead letters.</summary>
    public const string UnrecognizedType = "unrecognized";

    /// <summary>
    /// The jobs one received message carries: usually one, none for an S3 test event, several for a multi-record
    /// notification. The trace context is the <c>traceparent</c> attribute, else the one of the X-Ray header.
    /// </summary>
    public static IReadOnlyList<JobMessage> ToJobs(
        string body, IReadOnlyDictionary<string, string> attributes, IReadOnlyDictionary<string, string>? systemAttributes = null)
    {
        attributes.TryGetValue(CorrelationIdAttribute, out var correlationId);
        var traceParent = attributes.TryGetValue(TraceParentAttribute, out var sent) && sent.Length > 0
            ? sent
            : XRayTraceHeader.ToTraceParent(systemAttributes?.GetValueOrDefault(XRayTraceHeader.SqsAttribute));
        if (attributes.TryGetValue(TypeAttribute, out var type) && !string.IsNullOrEmpty(type))
            return [new JobMessage(type, body, correlationId, traceParent)];
        if (S3UploadNotification.TryRead(body, out var jobs))
            return jobs;
        if (ScheduledType(body) is { } scheduled)
            return [new JobMessage(scheduled, body, correlationId, traceParent)];
        return [new JobMessage(UnrecognizedType, body, correlationId, traceParent)];
    }

    /// <summary>
    /// The job type of a body <c>{"type": "..."}</c> naming one of <see cref="JobTypes.Scheduled"/>: what an EventBridge
    /// Scheduler schedule sends (a body, no message attributes). Null for anything else.
    /// </summary>
    private static string? ScheduledType(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty(TypeAttribute, out var type) && type.ValueKind == JsonValueKind.String
                && type.GetString() is { } name && JobTypes.Scheduled.Contains(name)
                ? name
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The <c>ApproximateReceiveCount</c> among a message's system attributes; 1 when absent.</summary>
    public static int ReceiveCount(IReadOnlyDictionary<string, string>? systemAttributes) =>
        systemAttributes is not null && systemAttributes.TryGetValue(ReceiveCountAttribute, out var value)
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 1;

    /// <summary>When SQS took the message (<c>SentTimestamp</c>, epoch milliseconds), when present.</summary>
    public static DateTimeOffset? SentAt(IReadOnlyDictionary<string, string>? systemAttributes) =>
        systemAttributes is not null && systemAttributes.TryGetValue(SentTimestampAttribute, out var value)
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    internal static Dictionary<string, MessageAttributeValue> ToAttributes(JobMessage job)
    {
        var attributes = new Dictionary<string, MessageAttributeValue>(StringComparer.Ordinal) { [TypeAttribute] = Text(job.Type) };
        if (!string.IsNullOrEmpty(job.CorrelationId)) attributes[CorrelationIdAttribute] = Text(job.CorrelationId);
        if (!string.IsNullOrEmpty(job.TraceParent)) attributes[TraceParentAttribute] = Text(job.TraceParent);
        return attributes;
    }

    /// <summary>The <c>AWSTraceHeader</c> system attribute for <paramref name="traceHeader"/>; null when there is none.</summary>
    internal static Dictionary<string, MessageSystemAttributeValue>? ToSystemAttributes(string? traceHeader) =>
        string.IsNullOrEmpty(traceHeader)
            ? null
            : new(StringComparer.Ordinal) { [XRayTraceHeader.SqsAttribute] = new MessageSystemAttributeValue { DataType = "String", StringValue = traceHeader } };

    internal static IReadOnlyList<JobMessage> ToJobs(Message message) =>
        ToJobs(message.Body ?? "", message.MessageAttributes?
            .Where(a => a.Value.StringValue is not null)
            .ToDictionary(a => a.Key, a => a.Value.StringValue, StringComparer.Ordinal) ?? [], message.Attributes);

    private static MessageAttributeValue Text(string value) => new() { DataType = "String", StringValue = value };
}
