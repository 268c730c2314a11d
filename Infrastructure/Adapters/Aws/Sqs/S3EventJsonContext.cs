using System.Text.Json.Serialization;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>Source-generated (reflection-free) JSON for the S3 event notifications that reach the job queue.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(S3EventNotification))]
internal sealed partial class S3EventJsonContext : JsonSerializerContext;
