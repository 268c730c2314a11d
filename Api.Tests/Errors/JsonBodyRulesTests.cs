using System.Net;
using System.Text;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Errors;

/// <summary>
/// How request bodies are read (docs/limits.md): a property given twice is refused, names match exactly as
/// documented, times need their offset, and a value of the wrong type is named with what it must be.
/// </summary>
public sealed class JsonBodyRulesTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    private const string Json = "application/json";

    [Fact]
    public async Task A_property_given_twice_is_refused_naming_it_and_nothing_is_ordered()
    {
        var show = (await (await app.AdminAsync()).CreateShowAsync()).Str("showId");
        var buyer = await app.ClientForAsync("twice-buyer");

        var response = await buyer.PostAsync($"/shows/{show}/orders", new StringContent("{\"quantity\":1,\"quantity\":2}", Encoding.UTF8, Json));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("$.quantity: must appear only once.", problem.Str("detail"));
        Assert.Equal(["Must appear only once."], problem.GetProperty("errors").GetProperty("quantity").EnumerateArray().Select(m => m.GetString()!));
        Assert.Empty((await buyer.GetJsonAsync("/orders")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Property_names_are_case_sensitive_so_another_spelling_is_an_unknown_property()
    {
        var show = (await (await app.AdminAsync()).CreateShowAsync()).Str("showId");
        var buyer = await app.ClientForAsync("case-buyer");

        var shouted = await buyer.PostAsync($"/shows/{show}/orders", new StringContent("{\"Quantity\":2}", Encoding.UTF8, Json));
        var problem = await shouted.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("quantity", out _), problem.ToString()); // required, as if absent

        var both = await buyer.PostAsync($"/shows/{show}/orders", new StringContent("{\"quantity\":1,\"QUANTITY\":9}", Encoding.UTF8, Json));
        Assert.Equal(1, (await both.ReadAsync(HttpStatusCode.Accepted)).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_by_its_json_path_with_what_it_must_be()
    {
        var admin = await app.AdminAsync();
        var show = (await admin.CreateShowAsync()).Str("showId");

        await AssertRefusedAsync(await admin.PostAsync($"/shows/{show}/orders", Body("{\"quantity\":\"2\"}")), "quantity", "must be a whole number");
        await AssertRefusedAsync(await admin.PostAsync($"/shows/{show}/orders", Body("{\"quantity\":1.5}")), "quantity", "must be a whole number");
        await AssertRefusedAsync(await admin.PostAsync("/shows", Body("{\"price\":\"cheap\"}")), "price", "must be a number");
        await AssertRefusedAsync(await admin.PostAsync("/shows", Body("{\"title\":5}")), "title", "must be a string");
        await AssertRefusedAsync(await admin.PostAsync("/shows", Body("{\"onSale\":\"yes\"}")), "onSale", "must be true or false");
        await AssertRefusedAsync(await admin.PostAsync("/dev/token", Body("{\"groups\":\"admin\"}")), "groups", "must be a list");
        await AssertRefusedAsync(await admin.PostAsync("/dev/token", Body("{\"groups\":[1]}")), "groups[0]", "must be a string");
        await AssertRefusedAsync(await Patch(admin, show, "{\"status\":\"Sideways\"}"), "status", "must be one of: OnSale, OffSale");
    }

    [Theory]
    [InlineData("2031-06-01T19:30:00")]
    [InlineData("2031-06-01T19:30")]
    [InlineData("2031-06-01")]
    public async Task A_time_without_its_offset_is_refused_on_create_and_on_edit(string startsAt)
    {
        var admin = await app.AdminAsync();
        var created = await admin.PostAsync("/shows", Body($"{{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"{startsAt}\",\"capacity\":10,\"price\":5}}"));
        await AssertRefusedAsync(created, "startsAt", "must be a date and time with its offset, such as 2031-06-01T19:30:00+02:00");

        var show = (await admin.CreateShowAsync()).Str("showId");
        await AssertRefusedAsync(await Patch(admin, show, $"{{\"startsAt\":\"{startsAt}\"}}"), "startsAt", "must be a date and time with its offset, such as 2031-06-01T19:30:00+02:00");
        Assert.Equal(1, (await admin.GetJsonAsync($"/shows/{show}")).GetProperty("version").GetInt64()); // unchanged
    }

    [Fact]
    public async Task A_time_with_its_offset_is_taken_as_that_instant_on_create_and_on_edit()
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsync("/shows", Body("{\"title\":\"T\",\"venue\":\"V\",\"startsAt\":\"2031-06-01T19:30:00+02:00\",\"capacity\":10,\"price\":5}")))
            .ReadAsync(HttpStatusCode.Created);
        Assert.Equal(new DateTimeOffset(2031, 6, 1, 17, 30, 0, TimeSpan.Zero), created.GetProperty("startsAt").GetDateTimeOffset());

        var edited = await (await Patch(admin, created.Str("showId"), "{\"startsAt\":\"2031-06-02T08:00:00-05:00\"}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(new DateTimeOffset(2031, 6, 2, 13, 0, 0, TimeSpan.Zero), edited.GetProperty("startsAt").GetDateTimeOffset());
        var utc = await (await Patch(admin, created.Str("showId"), "{\"startsAt\":\"2031-06-03T10:00:00Z\"}", "\"2\"")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(new DateTimeOffset(2031, 6, 3, 10, 0, 0, TimeSpan.Zero), utc.GetProperty("startsAt").GetDateTimeOffset());
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, Json);

    private static Task<HttpResponseMessage> Patch(HttpClient admin, string show, string json, string ifMatch = "\"1\"")
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/shows/{show}") { Content = Body(json) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return admin.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string mustBe)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"$.{field}: {mustBe}.", problem.Str("detail"));
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.Equal([char.ToUpperInvariant(mustBe[0]) + mustBe[1..] + "."], messages);
    }
}
