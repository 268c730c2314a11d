using System.Text.Json;
using System.Text.Json.Serialization;

namespace BoxOffice.Core.Jobs;

/// <summary>The JSON settings of message bodies: web casing, enums as strings.</summary>
public static class JobJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
