using BoxOffice.Core.Queue;
using BoxOffice.Hosting.Lambda.Events;
using SqsJobMapping = BoxOffice.Adapters.Aws.Sqs.SqsJobMapping;

namespace BoxOffice.Worker.Lambda;

/// <summary>
/// Reads the jobs out of one SQS record, in the wire format of <see cref="SqsJobMapping"/>: a job message (body =
/// contract JSON, message attributes <c>type</c>, <c>correlationId</c> and <c>traceparent</c>, or the X-Ray
/// <c>AWSTraceHeader</c> system attribute for the trace), or an S3 event notification, which holds
/// zero jobs (the test event) or several.
/// </summary>
public static class SqsJobReader
{
    public const string TypeAttribute = SqsJobMapping.TypeAttribute;

    /// <summary>False when the record is neither a job nor an S3 notification.</summary>
    public static bool TryRead(SqsEventRecord record, out IReadOnlyList<ReceivedJob> jobs)
    {
        var messageId = record.MessageId ?? "";
        var receiptHandle = record.ReceiptHandle ?? "";
        var receiveCount = SqsJobMapping.ReceiveCount(record.Attributes);
        var attributes = record.MessageAttributes?
            .Where(a => a.Value.StringValue is not null)
            .ToDictionary(a => a.Key, a => a.Value.StringValue!) ?? [];

        var sentAt = SqsJobMapping.SentAt(record.Attributes);
        var messages = SqsJobMapping.ToJobs(record.Body ?? "", attributes, record.Attributes);
        if (messages is [{ Type: SqsJobMapping.UnrecognizedType }])
        {
            jobs = [];
            return false;
        }
        jobs = [.. messages.Select(message => new ReceivedJob(messageId, receiptHandle, message, receiveCount, sentAt))];
        return true;
    }
}
