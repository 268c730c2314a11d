using System.Text.Json.Serialization;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Reports;
using BoxOffice.Core.Shows;

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
            // One converter per enum of the contract: the non-generic one builds them by reflection at run time.
            json.Converters.Add(new JsonStringEnumConverter<ShowStatus>(allowIntegerValues: false));
            json.Converters.Add(new JsonStringEnumConverter<OrderStatus>(allowIntegerValues: false));
            json.Converters.Add(new JsonStringEnumConverter<PosterStatus>(allowIntegerValues: false));
            json.Converters.Add(new JsonStringEnumConverter<ReportStatus>(allowIntegerValues: false));
            json.Converters.Add(new OffsetRequiredConverter());
            json.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
}
