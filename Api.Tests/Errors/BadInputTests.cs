using System.Net;
using System.Text;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Errors;

/// <summary>Every kind of bad input gets a 4xx problem, never a 500.</summary>
public class BadInputTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    private const string Show = "{SHOW}";

    public static TheoryData<string, string, string, string?, int> Cases => new()
    {
        // method, path, body, content type (null: none), expected status
        { "POST", "/shows", "{\"title\": \"x\",", "application/json", 400 },                               // malformed JSON
        { "POST", "/shows", "not json at all", "application/json", 400 },
        { "POST", "/shows", "", "application/json", 400 },                                                 // empty body
        { "POST", "/shows", "{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"2099-01-01T20:00:00Z\",\"capacity\":\"ten\",\"price\":5}", "application/json", 400 }, // wrong type
        { "POST", "/shows", "{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"not a date\",\"capacity\":10,\"price\":5}", "application/json", 400 },
        { "POST", "/shows", "{\"venue\":\"V\",\"startsAt\":\"2099-01-01T20:00:00Z\",\"capacity\":10,\"price\":5}", "application/json", 400 },           // missing title
        { "POST", "/shows", "{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"2001-01-01T20:00:00Z\",\"capacity\":10,\"price\":5}", "application/json", 400 }, // past
        { "POST", "/shows", "{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"2099-01-01T20:00:00Z\",\"capacity\":0,\"price\":5}", "application/json", 400 },  // range
        { "POST", "/shows", "{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"2099-01-01T20:00:00Z\",\"capacity\":10,\"price\":-1}", "application/json", 400 },
        { "POST", "/shows", "{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"2099-01-01T20:00:00Z\",\"capacity\":10,\"price\":1.234}", "application/json", 400 },
        { "POST", "/shows", "{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"2099-01-01T20:00:00Z\",\"capacity\":99999999999,\"price\":1}", "application/json", 400 }, // overflow
        { "POST", "/shows", "title=T", "application/x-www-form-urlencoded", 415 },                         // wrong content type
        { "POST", "/shows", "{\"title\":\"T\"}", "text/plain", 415 },
        { "POST", "/shows", "[1,2,3]", "application/json", 400 },                                          // wrong shape
        { "POST", $"/shows/{Show}/orders", "{\"quantity\": 0}", "application/json", 400 },
        { "POST", $"/shows/{Show}/orders", "{\"quantity\": 11}", "application/json", 400 },
        { "POST", $"/shows/{Show}/orders", "{\"quantity\": \"2\"}", "application/json", 400 },
        { "POST", $"/shows/{Show}/orders", "{\"quantity\": 1.5}", "application/json", 400 },
        { "POST", $"/shows/{Show}/orders", "{}", "application/json", 400 },
        { "POST", $"/shows/{Show}/orders", "{\"quantity\": null}", "application/json", 400 },
        { "POST", "/shows/unknown-show/orders", "{\"quantity\": 1}", "application/json", 404 },           // unknown id
        { "PATCH", "/shows/unknown-show", "{\"title\": \"x\"}", "application/json", 428 },
        { "PATCH", $"/shows/{Show}", "{\"status\": \"Sideways\"}", "application/json", 400 },              // bad enum
        { "PATCH", $"/shows/{Show}", "{}", "application/json", 400 },                                      // nothing to change
        { "POST", $"/shows/{Show}/poster", "{\"contentType\":\"image/svg+xml\",\"contentLength\":100}", "application/json", 400 },
        { "POST", $"/shows/{Show}/poster", "{\"contentType\":\"image/png\",\"contentLength\":999999999}", "application/json", 400 },
        { "POST", $"/shows/{Show}/poster", "{\"contentType\":\"image/png\",\"contentLength\":0}", "application/json", 400 },
        { "POST", "/shows/unknown-show/poster", "{\"contentType\":\"image/png\",\"contentLength\":10}", "application/json", 404 },
        { "GET", "/shows?limit=0", "", null, 400 },
        { "GET", "/shows?limit=1000", "", null, 400 },
        { "GET", "/shows?limit=abc", "", null, 400 },
        { "GET", "/orders?limit=-1", "", null, 400 },
        { "GET", "/reports/unknown-report", "", null, 404 },
        { "GET", "/admin/dead-letters?limit=0", "", null, 400 },
        { "POST", "/dev/token", "{\"groups\": []}", "application/json", 400 },
        { "POST", "/dev/token", "{\"username\": \"\"}", "application/json", 400 },
        { "POST", "/dev/oauth2/token", "garbage", "multipart/form-data", 400 },                            // unreadable forms
        { "POST", "/dev/oauth2/authorize", "garbage", "multipart/form-data", 400 },
        { "POST", "/dev/oauth2/token", string.Join('&', Enumerable.Range(0, 1100).Select(i => $"k{i}=v")), "application/x-www-form-urlencoded", 400 },
        { "GET", "/files/tickets/x.pdf?expires=1&sig=abc", "", null, 403 },
        { "PUT", "/files/posters/x/y.png?expires=9999999999&type=image%2Fpng&length=3&sig=00", "abc", "image/png", 403 },
        { "GET", "/files/..%2F..%2Fetc%2Fpasswd?expires=9999999999&sig=00", "", null, 403 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_4xx_problem(string method, string path, string body, string? contentType, int expected)
    {
        var response = await SendAsync(method, path, body, contentType);
        var problem = await response.ProblemAsync((HttpStatusCode)expected);
        Assert.DoesNotContain("BoxOffice.", problem.GetRawText(), StringComparison.Ordinal); // no .NET type names
        Assert.DoesNotContain("System.", problem.GetRawText(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> FieldCases => new()
    {
        // method, path, JSON body, the field the 400 names (as the client spells it)
        { "POST", "/shows", "{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"2099-01-01T20:00:00Z\",\"capacity\":\"ten\",\"price\":5}", "capacity" },
        { "POST", "/shows", "{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"2001-01-01T20:00:00Z\",\"capacity\":10,\"price\":5}", "startsAt" },
        { "POST", "/shows", "{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"2099-01-01T20:00:00Z\",\"capacity\":10,\"price\":1.234}", "price" },
        { "POST", "/shows", "{\"title\":\"T\\u0007\",\"venue\":\"V\",\"startsAt\":\"2099-01-01T20:00:00Z\",\"capacity\":10,\"price\":5}", "title" },
        { "POST", "/shows", "{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"2099-01-01T20:00:00Z\",\"capacity\":10,\"price\":5,\"onSale\":\"yes\"}", "onSale" },
        { "POST", $"/shows/{Show}/orders", "{\"quantity\": 11}", "quantity" },
        { "POST", $"/shows/{Show}/orders", "{\"quantity\": \"2\"}", "quantity" },
        { "PATCH", $"/shows/{Show}", "{\"status\": \"Sideways\"}", "status" },
        { "PATCH", $"/shows/{Show}", "{\"status\": \"Cancelled\"}", "status" },
        { "PATCH", $"/shows/{Show}", "{\"venue\": \"   \"}", "venue" },
        { "POST", $"/shows/{Show}/poster", "{\"contentType\":\"image/svg+xml\",\"contentLength\":100}", "contentType" },
        { "POST", $"/shows/{Show}/poster", "{\"contentType\":\"image/png\",\"contentLength\":999999999}", "contentLength" },
        { "GET", "/shows?limit=abc", "", "limit" },
        { "GET", "/orders?limit=1000", "", "limit" },
        { "POST", "/dev/token", "{\"username\":\"a\",\"groups\":[\"\"]}", "groups" },
        { "POST", "/dev/token", "{\"username\":\"a\",\"email\":\"nope\"}", "email" },
    };

    [Theory]
    [MemberData(nameof(FieldCases))]
    public async Task A_400_names_the_field_as_the_client_spells_it(string method, string path, string body, string field)
    {
        var response = await SendAsync(method, path, body, method == "GET" ? null : "application/json");
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no {field} in {errors}");
        Assert.All(messages.EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetString())));
        Assert.Single(errors.EnumerateObject());
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string body, string? contentType)
    {
        var admin = await app.ClientForAsync("input-tester", "admin");
        if (path.Contains(Show, StringComparison.Ordinal))
            path = path.Replace(Show, (await admin.CreateShowAsync()).Str("showId"), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        if (method == "PATCH" && !path.Contains("unknown", StringComparison.Ordinal)) request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return await admin.SendAsync(request);
    }

    [Fact]
    public async Task Oversized_json_body_is_413()
    {
        var admin = await app.AdminAsync();
        var huge = "{\"title\":\"" + new string('x', 200_000) + "\"}";
        var response = await admin.PostAsync("/shows", new StringContent(huge, Encoding.UTF8, "application/json"));
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The request body is larger than the 65536 bytes this operation accepts.", problem.Str("detail"));
    }

    [Fact]
    public async Task Validation_problems_name_the_fields()
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsync("/shows", new StringContent("{\"capacity\": 0}", Encoding.UTF8, "application/json"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "title", "venue", "startsAt", "capacity", "price" }) Assert.True(errors.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Unknown_routes_are_404_problems()
    {
        await (await app.CreateClient().GetAsync("/nothing-here")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Wrong_method_is_405_problem()
    {
        await (await app.CreateClient().PutAsync("/health", new StringContent(""))).ProblemAsync(HttpStatusCode.MethodNotAllowed);
    }
}
