using System.Text.Json;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Queue;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>
/// Reads an S3 event notification (the body S3 puts on the queue) into <see cref="FileUploaded"/> jobs.
/// Object keys arrive URL-encoded with '+' for spaces; <c>s3:TestEvent</c> yields nothing.
/// </summary>
internal static class S3UploadNotification
{
    /// <summary>
    /// True when <paramref name="body"/> is an S3 notification (a test event, or records all from aws:s3 that each
    /// name their object); <paramref name="jobs"/> then holds one job per created object (other events are skipped).
    /// </summary>
    public static bool TryRead(string body, out IReadOnlyList<JobMessage> jobs)
    {
        jobs = [];
        if (!body.TrimStart().StartsWith('{')) return false;
        S3EventNotification? notification;
        try
        {
            notification = JsonSerializer.Deserialize(body, S3EventJsonContext.Default.S3EventNotification);
        }
        catch (JsonException)
        {
            return false;
        }
        if (notification is null) return false;
        if (notification.Event == S3EventNotification.TestEvent) return true;
        if (notification.Records is not { Count: > 0 } records) return false;

        var found = new List<JobMessage>(records.Count);
        foreach (var record in records)
        {
            if (record.EventSource != "aws:s3" || record.S3?.S3Object?.Key is not { Length: > 0 } key) return false;
            if (record.EventName?.StartsWith("ObjectCreated:", StringComparison.Ordinal) != true) continue;
            var payload = JsonSerializer.Serialize(new FileUploaded(DecodeKey(key), record.S3.S3Object.Size ?? 0), JobJsonContext.Default.FileUploaded);
            found.Add(new JobMessage(JobTypes.FileUploaded, payload, null));
        }
        jobs = found;
        return true;
    }

    public static string DecodeKey(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));
}
