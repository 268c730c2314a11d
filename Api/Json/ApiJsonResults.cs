using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Json;

/// <summary>
/// <c>TypedResults.Json</c> written with the Api's own JSON settings (<see cref="JsonSetup"/>) and build-time
/// metadata: for answers that are not a plain 200 <c>Ok</c>, or that need their own status code.
/// </summary>
public static class ApiJsonResults
{
    public static JsonHttpResult<T> Json<T>(HttpContext http, T value, int? statusCode = null)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return TypedResults.Json(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)), statusCode: statusCode);
    }
}
