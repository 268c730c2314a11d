using BoxOffice.Core.Queue;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>
/// How jobs travel on SQS: the body is the contract JSON, the type and correlation id are String message
/// attributes. A body without a type that is an S3 event notification carries <c>file.uploaded</c> jobs.
/// </summary>
public static class SqsJobMapping
{
    public const string TypeAttribute = "type";
    public const string CorrelationIdAttribute = "correlationId";

    /// <summary>The type given to a message we cannot read, so no handler takes it and it ends in the dead letters.</summary>
    public const string UnrecognizedType = "unrecognized";

    public static SqsOutgoingMessage ToMessage(JobMessage job)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { [TypeAttribute] = job.Type };
        if (!string.IsNullOrEmpty(job.CorrelationId)) attributes[CorrelationIdAttribute] = job.CorrelationId;
        return new SqsOutgoingMessage(job.Body, attributes);
    }

    /// <summary>The jobs one received message carries: usually one, none for an S3 test event, several for a multi-record notification.</summary>
    public static IReadOnlyList<JobMessage> ToJobs(string body, IReadOnlyDictionary<string, string> attributes)
    {
        attributes.TryGetValue(CorrelationIdAttribute, out var correlationId);
        if (attributes.TryGetValue(TypeAttribute, out var type) && !string.IsNullOrEmpty(type))
            return [new JobMessage(type, body, correlationId)];
        if (S3UploadNotification.TryRead(body, out var jobs))
            return jobs;
        return [new JobMessage(UnrecognizedType, body, correlationId)];
    }
}
