using System.Net;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Site;

/// <summary>The Api serves the web box office on its own origin: pages, compressed assets, config.json, security headers.</summary>
public class SiteServingTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/show/some-show")]
    [InlineData("/my-orders/some-order")]
    [InlineData("/manage/shows/new")]
    [InlineData("/signed-in")]
    public async Task App_routes_answer_the_page_with_its_security_headers(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Assets_are_compressed_for_browsers_that_accept_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/app.css");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
    }

    [Fact]
    public async Task Api_answers_are_not_touched_by_the_site()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/shows");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var response = await app.CreateClient().SendAsync(request);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        await (await app.CreateClient().GetAsync("/no-such-route")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Config_points_the_site_at_this_api_and_the_dev_issuer()
    {
        var config = await app.CreateClient().GetJsonAsync("/config.json");
        Assert.Equal("http://localhost", config.Str("apiBaseUrl"));
        Assert.Equal("http://localhost/dev/oauth2/authorize", config.Str("authorizeUrl"));
        Assert.Equal("http://localhost/dev/oauth2/token", config.Str("tokenUrl"));
        Assert.Equal("http://localhost/dev/logout", config.Str("logoutUrl"));
        Assert.Equal("boxoffice-local-client", config.Str("clientId"));
        Assert.Equal("admin", config.Str("adminGroup"));
    }
}
