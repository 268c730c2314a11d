using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;

namespace BoxOffice.Api.Problems;

/// <summary>
/// Names the route or query parameters of a request whose values do not parse (<c>?limit=abc</c>). The request
/// delegate generator answers those with a bare 400 (it does not throw there, whatever ThrowOnBadRequest says), so
/// the problem written for that 400 looks the parameters up again to name them.
/// </summary>
public static class UnparsedParameters
{
    public static Dictionary<string, string[]> Of(HttpContext http)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var parameter in http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            if (!parameter.HasTryParse) continue;
            var raw = http.Request.Query.TryGetValue(parameter.Name, out var query) ? query.ToString() : http.Request.RouteValues[parameter.Name] as string;
            var type = Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
            if (!string.IsNullOrEmpty(raw) && !Parses(type, raw))
                errors[parameter.Name] = [ValueExpectation.AsMessage(ValueExpectation.Of(type) ?? "must be a valid value")];
        }
        return errors;
    }

    /// <summary>Parses as the binder does, for the simple types parameters have here; any other type is not judged.</summary>
    private static bool Parses(Type type, string raw)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (type == typeof(int)) return int.TryParse(raw, invariant, out _);
        if (type == typeof(long)) return long.TryParse(raw, invariant, out _);
        if (type == typeof(decimal)) return decimal.TryParse(raw, invariant, out _);
        if (type == typeof(double)) return double.TryParse(raw, invariant, out _);
        if (type == typeof(bool)) return bool.TryParse(raw, out _);
        if (type == typeof(Guid)) return Guid.TryParse(raw, invariant, out _);
        if (type == typeof(DateTimeOffset)) return DateTimeOffset.TryParse(raw, invariant, out _);
        return true;
    }
}
