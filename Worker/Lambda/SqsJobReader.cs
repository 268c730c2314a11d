using System.Globalization;
using BoxOffice.Jobs;
using BoxOffice.Lambda.Events;
using BoxOffice.Queue;

namespace BoxOffice.Worker.Lambda;

/// <summary>
/// Reads the jobs out of one SQS record: a job message (body = contract JSON, message attributes <c>type</c> and
/// <c>correlationId</c>), or an S3 event notification, which holds zero jobs (the test event) or several.
/// </summary>
public static class SqsJobReader
{
    public const string TypeAttribute = "type";
    public const string CorrelationIdAttribute = "correlationId";

    /// <summary>False when the record is neither a job nor an S3 notification.</summary>
    public static bool TryRead(SqsMessage record, out IReadOnlyList<ReceivedJob> jobs)
    {
        var messageId = record.MessageId ?? "";
        var receiptHandle = record.ReceiptHandle ?? "";
        var body = record.Body ?? "";
        var receiveCount = record.Attributes?.TryGetValue("ApproximateReceiveCount", out var count) == true
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;

        if (Attribute(record, TypeAttribute) is { Length: > 0 } type)
        {
            jobs = [new ReceivedJob(messageId, receiptHandle, new JobMessage(type, body, Attribute(record, CorrelationIdAttribute)), receiveCount)];
            return true;
        }
        if (S3UploadNotification.TryRead(body, out var messages))
        {
            jobs = [.. messages.Select(message => new ReceivedJob(messageId, receiptHandle, message, receiveCount))];
            return true;
        }
        jobs = [];
        return false;
    }

    private static string? Attribute(SqsMessage record, string name) =>
        record.MessageAttributes?.TryGetValue(name, out var attribute) == true ? attribute.StringValue : null;
}
