using System.Text.Json;
using System.Text.RegularExpressions;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.OpenApi;

/// <summary>The OpenAPI document states the contract a client needs: headers, constraints, defaults, problems.</summary>
public class OpenApiDocumentTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    [Fact]
    public async Task Editing_a_show_declares_if_match_as_a_required_header()
    {
        var patch = (await DocumentAsync()).GetProperty("paths").GetProperty("/shows/{showId}").GetProperty("patch");

        var ifMatch = Assert.Single(patch.GetProperty("parameters").EnumerateArray(), p => p.Str("name") == "If-Match");
        Assert.Equal("header", ifMatch.Str("in"));
        Assert.True(ifMatch.GetProperty("required").GetBoolean());
        Assert.True(patch.GetProperty("responses").TryGetProperty("428", out _));
        Assert.True(patch.GetProperty("responses").TryGetProperty("412", out _));
    }

    [Theory]
    [InlineData("/shows/{showId}", "get", "200", "ETag")]
    [InlineData("/shows/{showId}", "patch", "200", "ETag")]
    [InlineData("/shows", "post", "201", "ETag")]
    [InlineData("/shows", "post", "201", "Location")]
    [InlineData("/shows/{showId}/orders", "post", "202", "Location")]
    [InlineData("/reports/sales", "post", "202", "Location")]
    public async Task Answers_declare_the_headers_they_carry(string path, string method, string status, string header)
    {
        var response = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);

        Assert.True(response.GetProperty("headers").TryGetProperty(header, out _), $"{method} {path} {status} lacks {header}");
    }

    [Fact]
    public async Task Every_answer_declares_its_request_id_and_every_problem_carries_it()
    {
        var document = await DocumentAsync();

        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                    Assert.True(response.Value.GetProperty("headers").TryGetProperty("X-Request-Id", out _), $"{operation.Name} {path.Name} {response.Name}");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var problem in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
            Assert.Equal("string", schemas.GetProperty(problem).GetProperty("properties").GetProperty("requestId").Str("type"));
    }

    [Fact]
    public async Task Request_bodies_state_required_fields_ranges_lengths_and_defaults()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var order = schemas.GetProperty("PlaceOrderRequest");
        Assert.Contains("quantity", order.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var quantity = order.GetProperty("properties").GetProperty("quantity");
        Assert.Equal(1, quantity.GetProperty("minimum").GetInt32());
        Assert.Equal(10, quantity.GetProperty("maximum").GetInt32());

        var show = schemas.GetProperty("CreateShowRequest");
        Assert.Equal(["capacity", "price", "startsAt", "title", "venue"], show.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(200, show.GetProperty("properties").GetProperty("title").GetProperty("maxLength").GetInt32());
        Assert.True(show.GetProperty("properties").GetProperty("onSale").GetProperty("default").GetBoolean());

        var status = schemas.GetProperty("PatchShowRequest").GetProperty("properties").GetProperty("status");
        Assert.Equal(["OnSale", "OffSale"], status.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        var poster = schemas.GetProperty("PosterUploadRequest").GetProperty("properties");
        Assert.Contains("image/png", poster.GetProperty("contentType").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(5 * 1024 * 1024, poster.GetProperty("contentLength").GetProperty("maximum").GetInt64());
    }

    [Fact]
    public async Task A_show_says_why_its_poster_was_rejected()
    {
        var properties = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").GetProperty("ShowResponse").GetProperty("properties");

        var reason = properties.GetProperty("posterRejectionReason");
        Assert.Contains("null unless posterStatus is Rejected", reason.Str("description"), StringComparison.Ordinal);
        Assert.Contains("null", reason.GetRawText(), StringComparison.Ordinal); // nullable, however the version spells it
        Assert.Contains("earlier poster stays", properties.GetProperty("posterUrl").Str("description"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/shows")]
    [InlineData("/orders")]
    public async Task Listings_state_the_page_size_default_and_maximum(string path)
    {
        var get = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get");

        var limit = Assert.Single(get.GetProperty("parameters").EnumerateArray(), p => p.Str("name") == "limit").GetProperty("schema");
        Assert.Equal(20, limit.GetProperty("default").GetInt32());
        Assert.Equal(1, limit.GetProperty("minimum").GetInt32());
        Assert.Equal(100, limit.GetProperty("maximum").GetInt32());
        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.Str("name") == "cursor");
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
    }

    [Fact]
    public async Task Api_http_calls_every_documented_route()
    {
        // "GET {{host}}/shows/{{showId}}?limit=10" -> "GET /shows/{}"
        var calls = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "OpenApi", "Api.http"))
            .Select(line => Regex.Match(line, @"^(GET|POST|PUT|PATCH|DELETE) \{\{host\}\}(/[^?\s]*)"))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value} {Regex.Replace(m.Groups[2].Value, @"\{\{\w+\}\}", "{}")}")
            .ToHashSet(StringComparer.Ordinal);

        var documented = (await DocumentAsync()).GetProperty("paths").EnumerateObject()
            .Where(path => !path.Name.StartsWith("/files/", StringComparison.Ordinal)) // reached through the signed URLs the API hands out
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {Regex.Replace(path.Name, @"\{\w+\}", "{}")}"))
            .ToList();

        Assert.NotEmpty(documented);
        Assert.All(documented, route => Assert.Contains(route, calls));
    }

    private Task<JsonElement> DocumentAsync() => app.CreateClient().GetJsonAsync("/swagger/v1/swagger.json");
}
