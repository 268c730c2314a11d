using System.Net;
using System.Net.Http.Json;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Web;

namespace BoxOffice.Api.Tests.Hosting;

/// <summary><c>BoxOffice:PublicUrl:BaseUrl</c>: the base of every link the app hands out, checked when the app starts.</summary>
public sealed class PublicBaseUrlTests
{
    [Fact]
    public async Task A_configured_base_url_carries_every_link()
    {
        await using var app = BoxOfficeApp.With(null, new Dictionary<string, string?> { [PublicUrlOptions.BaseUrlKey] = "https://tickets.example.com/box/" });
        var admin = await app.AdminAsync();

        var config = await app.CreateClient().GetJsonAsync("/config.json");
        var showId = (await admin.CreateShowAsync()).Str("showId");
        var upload = await (await admin.PostAsJsonAsync($"/shows/{showId}/poster", new { contentType = "image/png", contentLength = 100 })).ReadAsync(HttpStatusCode.OK);
        var signIn = await app.CreateClient().GetAsync("/dev/oauth2/authorize?client_id=boxoffice-local-client&redirect_uri=http://localhost/signed-in");

        Assert.Equal("https://tickets.example.com/box", config.Str("apiBaseUrl"));
        Assert.Equal("https://tickets.example.com/box/dev/oauth2/token", config.Str("tokenUrl"));
        Assert.StartsWith("https://tickets.example.com/box/files/", upload.Str("uploadUrl"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode); // the site's callback is on the configured origin now
        Assert.Contains("redirect_uri must be https://tickets.example.com/signed-in", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tickets.example.com")]
    [InlineData("ftp://tickets.example.com")]
    [InlineData("https://tickets.example.com/?from=config")]
    [InlineData("https://tickets.example.com/#top")]
    [InlineData("https://user:secret@tickets.example.com")]
    public async Task A_base_url_no_link_can_be_built_on_stops_the_start_naming_the_setting(string baseUrl)
    {
        var error = await BoxOfficeApp.StartFailureAsync(new Dictionary<string, string?> { [PublicUrlOptions.BaseUrlKey] = baseUrl });

        Assert.Contains(PublicUrlOptions.BaseUrlKey, error.ToString(), StringComparison.Ordinal);
    }
}
