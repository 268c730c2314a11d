using System.Text.Json.Serialization;

namespace BoxOffice.Hosting.Lambda.Events;

/// <summary>Source-generated (reflection-free) JSON for every event and response shape.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ApiGatewayHttpApiRequest))]
[JsonSerializable(typeof(ApiGatewayRestApiRequest))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
public sealed partial class LambdaEventJsonContext : JsonSerializerContext;
