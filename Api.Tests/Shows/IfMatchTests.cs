using System.Net;
using System.Net.Http.Json;
using BoxOffice.Api.Shows;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Shows;

/// <summary><c>If-Match</c> on <c>PATCH /shows/{id}</c> as RFC 9110 (13.1.1) has it: strong comparison, <c>*</c>, lists.</summary>
public sealed class IfMatchTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    [Fact]
    public async Task A_weak_tag_never_matches_even_for_the_current_version()
    {
        var (admin, show) = await ShowAsync();

        var problem = await (await PatchAsync(admin, show, "W/\"1\"")).ProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Contains("weak", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(1, await VersionAsync(admin, show));
    }

    [Fact]
    public async Task Star_matches_whatever_version_the_show_is_at()
    {
        var (admin, show) = await ShowAsync();
        await (await PatchAsync(admin, show, "\"1\"")).ReadAsync(HttpStatusCode.OK);

        var edited = await (await PatchAsync(admin, show, "*", "By star")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(("By star", 3L), (edited.Str("title"), edited.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task Star_for_a_show_that_does_not_exist_is_a_404()
    {
        var admin = await app.AdminAsync();
        await (await PatchAsync(admin, BoxOffice.Core.Ids.EntityId.New(), "*")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("\"7\", \"1\"")]
    [InlineData("W/\"1\", \"1\"")]
    [InlineData("\"x\",\"1\" ,")]
    public async Task A_list_matches_when_one_of_its_strong_tags_is_the_current_etag(string header)
    {
        var (admin, show) = await ShowAsync();

        var response = await PatchAsync(admin, show, header);

        await response.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Tags_sent_on_several_header_lines_form_one_list()
    {
        var (admin, show) = await ShowAsync();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/shows/{show}") { Content = JsonContent.Create(new { title = "Lines" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"5\"");
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        await (await admin.SendAsync(request)).ReadAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("\"7\", \"8\"")]
    [InlineData("W/\"1\", W/\"2\"")]
    [InlineData("\"01\"")]
    [InlineData("\"v1\"")]
    public async Task A_list_without_the_current_strong_etag_is_412_and_changes_nothing(string header)
    {
        var (admin, show) = await ShowAsync();

        await (await PatchAsync(admin, show, header)).ProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(1, await VersionAsync(admin, show));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("\"1")]
    [InlineData("*, \"1\"")]
    [InlineData("\"1\" \"2\"")]
    [InlineData("\"1 \"")]
    public async Task A_header_that_is_not_an_entity_tag_list_is_a_400_naming_it(string header)
    {
        var (admin, show) = await ShowAsync();

        var problem = await (await PatchAsync(admin, show, header)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("If-Match", out _), problem.ToString());
        Assert.Equal(1, await VersionAsync(admin, show));
    }

    [Theory]
    [InlineData("*", true, null, true)]
    [InlineData(" \"3\" ", false, 3L, true)]
    [InlineData("\"3\", W/\"4\"", false, 3L, true)]
    [InlineData("\"3\", \"4\"", false, null, true)]
    [InlineData("W/\"3\"", false, null, false)]
    [InlineData("\"03\"", false, null, false)]
    [InlineData(",", false, null, false)]
    public void The_header_parses_into_what_it_can_match(string header, bool isAny, long? onlyVersion, bool matchesThree)
    {
        Assert.True(IfMatch.TryParse(header, out var condition));
        Assert.Equal((isAny, onlyVersion, matchesThree), (condition.IsAny, condition.SingleVersion, condition.Matches(3)));
    }

    [Theory]
    [InlineData("w/\"1\"")]      // "W/" is case-sensitive (HttpClient would rewrite it, so not sent above)
    [InlineData("W/1")]
    [InlineData("\"a\u0001\"")]
    [InlineData("**")]
    public void A_header_that_is_not_an_entity_tag_list_does_not_parse(string header) => Assert.False(IfMatch.TryParse(header, out _));

    private async Task<(HttpClient Admin, string Show)> ShowAsync()
    {
        var admin = await app.AdminAsync();
        return (admin, (await admin.CreateShowAsync()).Str("showId"));
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient admin, string show, string ifMatch, string title = "Edited")
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/shows/{show}") { Content = JsonContent.Create(new { title }) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return admin.SendAsync(request);
    }

    private static async Task<long> VersionAsync(HttpClient client, string show) =>
        (await client.GetJsonAsync($"/shows/{show}")).GetProperty("version").GetInt64();
}
