using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BoxOffice.Core.Jobs;

/// <summary>The JSON of message bodies: web casing, metadata generated at build time for every job contract.</summary>
public static class JobJson
{
    public static JsonSerializerOptions Options => JobJsonContext.Default.Options;

    /// <summary>The contract's metadata; a type that is not a job contract (<see cref="JobJsonContext"/>) throws.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        JobJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T).Name} is not a job contract: add it to {nameof(JobJsonContext)}.");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OrderPlaced))]
[JsonSerializable(typeof(FileUploaded))]
[JsonSerializable(typeof(ShowCancelled))]
[JsonSerializable(typeof(SalesReportRequested))]
[JsonSerializable(typeof(OrdersSweep))]
public sealed partial class JobJsonContext : JsonSerializerContext;
