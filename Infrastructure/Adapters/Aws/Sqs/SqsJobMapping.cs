using System.Globalization;
using System.Text.Json;
using Amazon.SQS.Model;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Queue;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>
/// How jobs travel on SQS: the body is the contract JSON, the type and correlation id are String message
/// attributes. A body without a type that is an S3 event notification carries <c>file.uploaded</c> jobs; one that is
/// <c>{"type": "orders.sweep"}</c> (a schedule's) carries that job.
/// </summary>
public static class SqsJobMapping
{
    public const string TypeAttribute = "type";
    public const string CorrelationIdAttribute = "correlationId";
    public const string ReceiveCountAttribute = "ApproximateReceiveCount";

    /// <summary>The type given to a message we cannot read, so no handler takes it and it ends in the dead letters.</summary>
    public const string UnrecognizedType = "unrecognized";

    /// <summary>The jobs one received message carries: usually one, none for an S3 test event, several for a multi-record notification.</summary>
    public static IReadOnlyList<JobMessage> ToJobs(string body, IReadOnlyDictionary<string, string> attributes)
    {
        attributes.TryGetValue(CorrelationIdAttribute, out var correlationId);
        if (attributes.TryGetValue(TypeAttribute, out var type) && !string.IsNullOrEmpty(type))
            return [new JobMessage(type, body, correlationId)];
        if (S3UploadNotification.TryRead(body, out var jobs))
            return jobs;
        if (ScheduledType(body) is { } scheduled)
            return [new JobMessage(scheduled, body, correlationId)];
        return [new JobMessage(UnrecognizedType, body, correlationId)];
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

    internal static Dictionary<string, MessageAttributeValue> ToAttributes(JobMessage job)
    {
        var attributes = new Dictionary<string, MessageAttributeValue>(StringComparer.Ordinal) { [TypeAttribute] = Text(job.Type) };
        if (!string.IsNullOrEmpty(job.CorrelationId)) attributes[CorrelationIdAttribute] = Text(job.CorrelationId);
        return attributes;
    }

    internal static IReadOnlyList<JobMessage> ToJobs(Message message) =>
        ToJobs(message.Body ?? "", message.MessageAttributes?
            .Where(a => a.Value.StringValue is not null)
            .ToDictionary(a => a.Key, a => a.Value.StringValue, StringComparer.Ordinal) ?? []);

    private static MessageAttributeValue Text(string value) => new() { DataType = "String", StringValue = value };
}
