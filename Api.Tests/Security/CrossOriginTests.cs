using System.Net;
using BoxOffice.Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Tests.Security;

/// <summary>CORS answers only the configured origins (none by default: the local site is same-origin).</summary>
public sealed class CrossOriginTests
{
    private const string Site = "https://tickets.example";
    private const string Stranger = "https://evil.example";

    [Fact]
    public async Task By_default_no_origin_is_allowed()
    {
        await using var app = new BoxOfficeApp();
        var client = app.CreateClient();

        var preflight = await client.SendAsync(Preflight("/shows/" + Guid.NewGuid().ToString("N") + "/orders", Site, "POST", "authorization,content-type"));
        var get = await client.SendAsync(WithOrigin(HttpMethod.Get, "/shows", Site));

        Assert.Empty(CorsHeaders(preflight));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Empty(CorsHeaders(get));
    }

    [Fact]
    public async Task A_configured_origin_gets_a_preflight_with_the_sites_methods_and_headers()
    {
        await using var app = Allowing($"{Site}, https://admin.example/");
        var client = app.CreateClient();

        var order = await client.SendAsync(Preflight("/shows/" + Guid.NewGuid().ToString("N") + "/orders", Site, "POST", "authorization,content-type,idempotency-key"));
        var edit = await client.SendAsync(Preflight("/shows/" + Guid.NewGuid().ToString("N"), "https://admin.example", "PATCH", "authorization,content-type,if-match"));

        Assert.Equal(HttpStatusCode.NoContent, order.StatusCode);
        Assert.Equal(Site, Single(order, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Single(order, "Access-Control-Allow-Methods").Split(','));
        Assert.Equal(["authorization", "content-type", "idempotency-key", "if-match", "x-request-id"], Listed(order, "Access-Control-Allow-Headers"));
        Assert.Equal("600", Single(order, "Access-Control-Max-Age"));
        Assert.False(order.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal("https://admin.example", Single(edit, "Access-Control-Allow-Origin"));
        Assert.Contains("PATCH", Single(edit, "Access-Control-Allow-Methods").Split(','));
        Assert.Contains("if-match", Listed(edit, "Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task A_configured_origin_may_read_the_headers_the_site_uses()
    {
        await using var app = Allowing(Site);
        var admin = await app.AdminAsync();
        var showId = (await admin.CreateShowAsync()).Str("showId");

        var response = await app.CreateClient().SendAsync(WithOrigin(HttpMethod.Get, $"/shows/{showId}", Site));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Site, Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal(["etag", "location", "retry-after", "x-request-id"], Listed(response, "Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task Another_origin_gets_no_cors_header_at_all()
    {
        await using var app = Allowing(Site);
        var client = app.CreateClient();

        var preflight = await client.SendAsync(Preflight("/orders", Stranger, "GET", "authorization"));
        var get = await client.SendAsync(WithOrigin(HttpMethod.Get, "/shows", Stranger));
        var lookalike = await client.SendAsync(WithOrigin(HttpMethod.Get, "/shows", Site + ".evil.example"));

        Assert.Empty(CorsHeaders(preflight));
        Assert.Empty(CorsHeaders(get));
        Assert.Empty(CorsHeaders(lookalike));
    }

    [Fact]
    public async Task A_header_the_site_never_sends_is_not_allowed()
    {
        await using var app = Allowing(Site);

        var preflight = await app.CreateClient().SendAsync(Preflight("/orders", Site, "GET", "authorization,x-anything"));

        Assert.DoesNotContain("x-anything", Listed(preflight, "Access-Control-Allow-Headers")); // so the browser refuses the call
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://tickets.example/app")]
    [InlineData("tickets.example")]
    [InlineData("ftp://tickets.example")]
    [InlineData("https://user@tickets.example")]
    public async Task Anything_but_a_plain_origin_stops_the_start_naming_the_setting(string origin)
    {
        var error = Assert.IsType<OptionsValidationException>(await BoxOfficeApp.StartFailureAsync(AllowedOrigins(origin)));

        Assert.Contains($"BoxOffice:Cors:AllowedOrigins: '{origin}' is not an origin", error.Message, StringComparison.Ordinal);
    }

    private static BoxOfficeApp Allowing(string origins) => BoxOfficeApp.With(null, AllowedOrigins(origins));

    private static Dictionary<string, string?> AllowedOrigins(string origins) => new() { ["BoxOffice:Cors:AllowedOrigins"] = origins };

    private static HttpRequestMessage Preflight(string path, string origin, string method, string headers)
    {
        var request = WithOrigin(HttpMethod.Options, path, origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static HttpRequestMessage WithOrigin(HttpMethod method, string path, string origin)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static string[] CorsHeaders(HttpResponseMessage response) =>
        response.Headers.Select(h => h.Key).Where(name => name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)).ToArray();

    private static string Single(HttpResponseMessage response, string header) => string.Join(",", response.Headers.GetValues(header));

    private static string[] Listed(HttpResponseMessage response, string header) =>
        Single(response, header).Split(',', StringSplitOptions.TrimEntries).Select(v => v.ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray();
}
