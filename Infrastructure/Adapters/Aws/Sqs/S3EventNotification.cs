using System.Text.Json.Serialization;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>
/// What S3 sends to a queue: <see cref="Records"/> for object events, or (once, when the notification is configured)
/// a test event with <see cref="Event"/> = <c>s3:TestEvent</c> and no records.
/// </summary>
internal sealed class S3EventNotification
{
    public const string TestEvent = "s3:TestEvent";

    [JsonPropertyName("Records")]
    public List<S3EventRecord>? Records { get; init; }

    [JsonPropertyName("Service")]
    public string? Service { get; init; }

    [JsonPropertyName("Event")]
    public string? Event { get; init; }

    [JsonPropertyName("Bucket")]
    public string? Bucket { get; init; }
}

internal sealed class S3EventRecord
{
    public string? EventVersion { get; init; }

    /// <summary><c>aws:s3</c>.</summary>
    public string? EventSource { get; init; }

    public string? AwsRegion { get; init; }

    public string? EventTime { get; init; }

    /// <summary>For example <c>ObjectCreated:Put</c>.</summary>
    public string? EventName { get; init; }

    public S3Entity? S3 { get; init; }
}

internal sealed class S3Entity
{
    public string? ConfigurationId { get; init; }

    public S3BucketEntity? Bucket { get; init; }

    [JsonPropertyName("object")]
    public S3ObjectEntity? S3Object { get; init; }
}

internal sealed class S3BucketEntity
{
    public string? Name { get; init; }

    public string? Arn { get; init; }
}

internal sealed class S3ObjectEntity
{
    /// <summary>URL-encoded, with '+' for a space.</summary>
    public string? Key { get; init; }

    public long? Size { get; init; }

    [JsonPropertyName("eTag")]
    public string? ETag { get; init; }

    public string? VersionId { get; init; }

    public string? Sequencer { get; init; }
}
