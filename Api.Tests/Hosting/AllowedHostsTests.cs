using System.Net;
using System.Net.Http.Json;
using BoxOffice.Api.Tests.Browser;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Hosting;

/// <summary>
/// <c>AllowedHosts</c> (appsettings: the local names only) refuses a request naming any other host with a 400
/// problem, before anything else runs; the tests' host and the default local URLs keep working.
/// </summary>
public sealed class AllowedHostsTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:5000")]
    [InlineData("127.0.0.1:5000")]
    [InlineData("[::1]:5000")]
    public async Task The_local_names_are_served(string host)
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(app.CreateClient(), "/health", host)).StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("localhost.evil.example")]
    [InlineData("192.0.2.7:5000")]
    public async Task Any_other_host_is_refused_with_a_problem_that_does_not_repeat_it(string host)
    {
        var response = await SendAsync(app.CreateClient(), "/shows", host);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Unknown host", problem.Str("title"));
        Assert.Contains("Host header", problem.Str("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain(host, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_list_is_the_only_one_served()
    {
        await using var configured = BoxOfficeApp.With(null, new Dictionary<string, string?> { ["AllowedHosts"] = "tickets.example.com;*.box.example" });
        var client = configured.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, "/health", "tickets.example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, "/health", "eu.box.example")).StatusCode);
        await (await SendAsync(client, "/health", "localhost")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await SendAsync(client, "/config.json", "evil.example")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>On a real socket the default base URL is the listening address, and a forged Host is refused there too.</summary>
    [Fact]
    public async Task On_kestrel_links_are_on_the_listening_address()
    {
        await using var server = new SiteServer();
        using var http = new HttpClient { BaseAddress = new Uri(server.Origin) };

        var config = await http.GetJsonAsync("/config.json");
        Assert.Equal(server.Origin, config.Str("apiBaseUrl"));
        var admin = await server.ApiClientAsync("ada", "admin");
        var showId = (await admin.CreateShowAsync()).Str("showId");
        var upload = await (await admin.PostAsJsonAsync($"/shows/{showId}/poster", new { contentType = "image/png", contentLength = 100 })).ReadAsync(HttpStatusCode.OK);
        Assert.StartsWith(server.Origin + "/files/", upload.Str("uploadUrl"), StringComparison.Ordinal);

        await (await SendAsync(http, "/config.json", "evil.example")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }
}
