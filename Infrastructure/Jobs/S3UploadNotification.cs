using System.Text.Json;
using BoxOffice.Queue;

namespace BoxOffice.Jobs;

/// <summary>
/// Reads an S3 event notification (the body S3 puts on the queue) into <see cref="FileUploaded"/> jobs.
/// Object keys arrive URL-encoded with '+' for spaces; <c>s3:TestEvent</c> yields nothing.
/// </summary>
public static class S3UploadNotification
{
    /// <summary>True when <paramref name="body"/> is an S3 notification (a test event or records from aws:s3).</summary>
    public static bool TryRead(string body, out IReadOnlyList<JobMessage> jobs)
    {
        jobs = [];
        if (!body.TrimStart().StartsWith('{')) return false;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return false;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.TryGetProperty("Event", out var ev) && ev.ValueKind == JsonValueKind.String && ev.GetString() == "s3:TestEvent")
                return true;
            if (!root.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array) return false;

            var found = new List<JobMessage>();
            foreach (var record in records.EnumerateArray())
            {
                if (!record.TryGetProperty("eventSource", out var source) || source.GetString() != "aws:s3") return false;
                var name = record.TryGetProperty("eventName", out var n) ? n.GetString() ?? "" : "";
                if (!name.StartsWith("ObjectCreated:", StringComparison.Ordinal)) continue;
                var obj = record.GetProperty("s3").GetProperty("object");
                var key = DecodeKey(obj.GetProperty("key").GetString() ?? "");
                var size = obj.TryGetProperty("size", out var s) && s.TryGetInt64(out var len) ? len : 0;
                var payload = JsonSerializer.Serialize(new FileUploaded(key, size), JobJson.Options);
                found.Add(new JobMessage(JobTypes.FileUploaded, payload, null));
            }
            jobs = found;
            return true;
        }
    }

    public static string DecodeKey(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));
}
