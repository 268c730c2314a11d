using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace BoxOffice.Api.Problems;

/// <summary>
/// The 400 for a body the serializer refused, in the client's terms: where broken JSON breaks, or the field's JSON
/// path and what it must be (<c>$.quantity: must be a whole number</c>). What a field must be is read from the
/// endpoint's body type, never from the exception's text, which names our .NET types.
/// </summary>
public static partial class JsonBodyProblem
{
    public static ProblemDetails For(int status, JsonException json, HttpContext http)
    {
        var at = $"line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}";
        // Broken JSON comes from the reader, wrapped; a well-formed value that does not fit is the serializer's own.
        if (json.InnerException is JsonException) return Plain(status, $"The request body is not valid JSON ({at}).");
        if (FieldOf(json.Path) is not { } field) return Plain(status, $"The request body must be a JSON object with the fields this operation takes ({at}).");

        // The serializer's only refusal of a well-formed object that is not about a value's type.
        var message = json.Message.StartsWith("Duplicate property", StringComparison.Ordinal)
            ? "must appear only once"
            : MustBe(http, json.Path!);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [ValueExpectation.AsMessage(message)] })
        {
            Status = status,
            Title = "Bad request",
            Detail = $"{json.Path}: {message}.",
        };
    }

    /// <summary>"$.quantity" -> "quantity", "$.groups[1]" -> "groups[1]"; null for the body itself.</summary>
    private static string? FieldOf(string? path) => path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;

    private static ProblemDetails Plain(int status, string detail) => new() { Status = status, Title = "Bad request", Detail = detail };

    private static string MustBe(HttpContext http, string path)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        if (FailedEndpoint.Of(http)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not { } body
            || Member(options, body, path) is not { } found)
            return "has the wrong type";
        var (type, member) = (Nullable.GetUnderlyingType(found.Type) ?? found.Type, found.Member);
        if (type.IsEnum) return "must be one of: " + string.Join(", ", AllowedNames(type, member));
        return ValueExpectation.Of(type) ?? options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "must be a list",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "must be an object",
            _ => "has the wrong type",
        };
    }

    /// <summary>The type (and its property, when a property) at a JSON path of <paramref name="root"/>.</summary>
    private static (Type Type, ICustomAttributeProvider? Member)? Member(JsonSerializerOptions options, Type root, string path)
    {
        var type = root;
        ICustomAttributeProvider? member = null;
        foreach (Match segment in Segment().Matches(path))
        {
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            if (segment.Groups["index"].Success)
            {
                if (info.ElementType is not { } element) return null;
                (type, member) = (element, null);
                continue;
            }
            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
            if (info.Properties.FirstOrDefault(p => p.Name == name) is not { } property) return null;
            (type, member) = (property.PropertyType, property.AttributeProvider);
        }
        return (type, member);
    }

    private static IEnumerable<string> AllowedNames(Type enumType, ICustomAttributeProvider? member)
    {
        var allowed = member?.GetCustomAttributes(typeof(AllowedValuesAttribute), inherit: true).OfType<AllowedValuesAttribute>().FirstOrDefault();
        return allowed is null
            ? Enum.GetNames(enumType)
            : allowed.Values.OfType<Enum>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!);
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
