using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Errors;

/// <summary>
/// Every route that binds a JSON body or typed query parameters (found in the app's endpoint data source, so a new
/// route is covered without being listed) answers each kind of binding failure with a 400 problem in the client's
/// terms: the field's JSON path and a plain message, never our .NET type names or the framework's hints.
/// </summary>
public sealed class BindingFailureTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    private static readonly string[] Leaks = ["BoxOffice.", "System.", "Microsoft.", "Nullable", "`1", "Did you mean", "Service", "Path:", "LineNumber", "parameter \""];

    /// <summary>A request body, its content type (null: none), the status expected and the field the problem must name.</summary>
    private sealed record BodyCase(string What, string? Body, string? ContentType, int Status, string? Field = null, string? Detail = null);

    [Fact]
    public async Task The_routes_are_found_in_the_endpoint_data_source()
    {
        var routes = await RoutesAsync();
        Assert.Contains(routes, r => r.ToString() == "POST /shows/{showId:id}/orders" && r.BodyType is not null);
        Assert.Contains(routes, r => r.ToString() == "PATCH /shows/{showId:id}" && r.BodyType is not null);
        Assert.Contains(routes, r => r.ToString() == "GET /shows/" && r.TypedQuery.Contains("limit"));
    }

    [Fact]
    public async Task Every_json_body_route_answers_a_bad_body_with_a_plain_400_problem()
    {
        var failures = new List<string>();
        foreach (var route in (await RoutesAsync()).Where(r => r.BodyType is not null))
        {
            foreach (var bad in Cases(route)) failures.AddRange(await CheckAsync(route, bad));
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_typed_query_parameter_answers_a_value_of_the_wrong_type_with_a_400_naming_it()
    {
        var failures = new List<string>();
        foreach (var route in await RoutesAsync())
        {
            foreach (var name in route.TypedQuery)
            {
                var bad = new BodyCase($"?{name}=not-a-value", null, null, 400, name);
                failures.AddRange(await CheckAsync(route with { Path = $"{route.Path}?{name}=not-a-value&{name}=x" }, bad));
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private IEnumerable<BodyCase> Cases(BoundRoute route)
    {
        yield return new("no body", null, null, 400, Detail: "The request needs a JSON body.");
        yield return new("an empty body", "", "application/json", 400, Detail: "The request needs a JSON body.");
        yield return new("null", "null", "application/json", 400, Detail: "The request body must be a JSON object, not null.");
        yield return new("broken JSON", "{\"a\":", "application/json", 400);
        yield return new("trailing text", "{} and more", "application/json", 400);
        yield return new("not UTF-8", "\xff{}", "application/json", 400);
        foreach (var notAnObject in new[] { "[1]", "\"text\"", "5", "true" })
            yield return new(notAnObject, notAnObject, "application/json", 400);
        yield return new("text/plain", "{}", "text/plain", 415);

        foreach (var property in BoundRoutes.PropertiesOf(app.Services, route.BodyType!))
        {
            var name = property.Name;
            yield return new($"{name} of the wrong type", $"{{\"{name}\":{WrongValue(property)}}}", "application/json", 400, name, $"$.{name}: ");
            var valid = ValidValue(property);
            yield return new($"{name} twice", $"{{\"{name}\":{valid},\"{name}\":{valid}}}", "application/json", 400, name, $"$.{name}: must appear only once.");
            if (BoundRoutes.Unwrapped(property.PropertyType) == typeof(DateTimeOffset))
                yield return new($"{name} without an offset", $"{{\"{name}\":\"2031-06-01T19:30:00\"}}", "application/json", 400, name, $"$.{name}: ");
        }
    }

    private static string WrongValue(JsonPropertyInfo property) => Kind(property) switch
    {
        "string" => "5",
        "bool" => "\"yes\"",
        "number" => "\"1\"",
        "list" => "\"x\"",
        _ => "5",
    };

    private static string ValidValue(JsonPropertyInfo property) => Kind(property) switch
    {
        "string" => "\"x\"",
        "bool" => "true",
        "number" => "1",
        "time" => "\"2031-06-01T19:30:00Z\"",
        "enum" => $"\"{Enum.GetNames(BoundRoutes.Unwrapped(property.PropertyType))[0]}\"",
        "list" => "[]",
        _ => "{}",
    };

    private static string Kind(JsonPropertyInfo property)
    {
        var type = BoundRoutes.Unwrapped(property.PropertyType);
        if (type.IsEnum) return "enum";
        if (type == typeof(DateTimeOffset)) return "time";
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => "string",
            TypeCode.Boolean => "bool",
            TypeCode.Int32 or TypeCode.Int64 or TypeCode.Decimal or TypeCode.Double => "number",
            _ => type.IsArray || type.IsAssignableTo(typeof(System.Collections.IEnumerable)) ? "list" : "object",
        };
    }

    private async Task<IEnumerable<string>> CheckAsync(BoundRoute route, BodyCase bad)
    {
        var admin = await app.AdminAsync();
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
        if (bad.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.Latin1.GetBytes(bad.Body));
            if (bad.ContentType is not null) request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(bad.ContentType);
        }
        using var response = await admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var where = $"{route} with {bad.What}: {(int)response.StatusCode} {text}";

        var failures = new List<string>();
        if ((int)response.StatusCode != bad.Status) failures.Add($"expected {bad.Status}; {where}");
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return [.. failures, $"not a problem; {where}"];
        failures.AddRange(Leaks.Where(leak => text.Contains(leak, StringComparison.Ordinal)).Select(leak => $"leaks \"{leak}\"; {where}"));

        var problem = JsonDocument.Parse(text).RootElement;
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        if (detail.Length == 0) failures.Add($"no detail; {where}");
        if (bad.Detail is not null && !detail.StartsWith(bad.Detail, StringComparison.Ordinal)) failures.Add($"detail should start with \"{bad.Detail}\"; {where}");
        if (bad.Field is not null && detail.Contains("wrong type", StringComparison.Ordinal)) failures.Add($"does not say what {bad.Field} must be; {where}");
        if (bad.Field is not null)
        {
            if (!problem.TryGetProperty("errors", out var errors) || !errors.TryGetProperty(bad.Field, out var messages))
                failures.Add($"no error for {bad.Field}; {where}");
            else if (messages.EnumerateArray().Any(m => string.IsNullOrWhiteSpace(m.GetString())))
                failures.Add($"an empty message for {bad.Field}; {where}");
        }
        return failures;
    }

    private async Task<IReadOnlyList<BoundRoute>> RoutesAsync()
    {
        await app.AdminAsync(); // starts the app
        return BoundRoutes.Of(app.Services);
    }
}
