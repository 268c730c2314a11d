using System.Text.Json.Serialization;

namespace BoxOffice.Api.Json;

public static class JsonSetup
{
    /// <summary>
    /// How request bodies are read, strictly: property names match exactly as documented (camelCase; any other
    /// spelling is an unknown property, and unknown properties are ignored), a property given twice is refused,
    /// numbers are JSON numbers (not strings), enums are their names (not integers), and times carry an offset.
    /// </summary>
    public static IServiceCollection AddBoxOfficeJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            var json = o.SerializerOptions;
            json.PropertyNameCaseInsensitive = false;
            json.AllowDuplicateProperties = false;
            json.NumberHandling = JsonNumberHandling.Strict;
            json.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            json.Converters.Add(new OffsetRequiredConverter());
            json.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
}
