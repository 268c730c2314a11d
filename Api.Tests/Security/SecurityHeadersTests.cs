using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BoxOffice.Api.Security;
using BoxOffice.Api.Site;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Ids;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Security;

/// <summary>
/// Every answer of every route, found in the app's own endpoint list (so a new route is covered the day it is
/// mapped), carries <c>nosniff</c> and <c>Cache-Control: no-store</c>; only the public show listing may be stored,
/// revalidated on each use; the site's files keep theirs.
/// </summary>
public sealed class SecurityHeadersTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    [Fact]
    public async Task Every_route_answers_with_nosniff_and_a_deliberate_cache_control()
    {
        var admin = await app.AdminAsync();
        var showId = (await admin.CreateShowAsync()).Str("showId");
        var orderId = (await (await admin.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        var routes = Routes().ToList();
        Assert.True(routes.Count >= 25, $"only {routes.Count} routes found");

        var failures = new List<string>();
        foreach (var (method, endpoint) in routes.OrderBy(r => r.Method == "DELETE"))
        {
            using var request = Request(method, endpoint, showId, orderId);
            var response = await admin.SendAsync(request);
            var expected = Expected(request.RequestUri!, endpoint);
            var label = $"{method} {endpoint.RoutePattern.RawText} ({(int)response.StatusCode})";
            if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || sniff.Single() != "nosniff")
                failures.Add($"{label}: no X-Content-Type-Options: nosniff");
            if (response.Headers.CacheControl?.ToString() != expected)
                failures.Add($"{label}: Cache-Control is '{response.Headers.CacheControl}', not '{expected}'");
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Only_the_public_show_listing_may_be_stored()
    {
        var revalidated = Routes().Where(r => r.Endpoint.Metadata.GetMetadata<RevalidatedCaching>() is not null)
            .Select(r => $"{r.Method} {r.Endpoint.RoutePattern.RawText}").Order(StringComparer.Ordinal);

        Assert.Equal(["GET /shows/", "GET /shows/{showId:id}"], revalidated);
    }

    [Theory]
    [InlineData("GET", "/no-such-route", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/orders", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/me", null, HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/dev/token", "{\"username\":", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/files/posters/x.png?expires=1&sig=forged", null, HttpStatusCode.Forbidden)]
    public async Task Refusals_carry_them_too(string method, string path, string? body, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    private IEnumerable<(string Method, RouteEndpoint Endpoint)> Routes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e)));

    /// <summary>The site's own files stay revalidated (no-cache); API answers are no-store unless marked.</summary>
    private static string Expected(Uri uri, RouteEndpoint endpoint)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = uri.AbsolutePath;
        if (SiteFiles.IsSiteRequest(context)) return "no-cache";
        return endpoint.Metadata.GetMetadata<RevalidatedCaching>() is null ? "no-store" : "no-cache";
    }

    /// <summary>A request that reaches the endpoint: real show and order ids, a fresh id elsewhere, a body of the kind it reads.</summary>
    private static HttpRequestMessage Request(string method, RouteEndpoint endpoint, string showId, string orderId)
    {
        var path = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart { IsCatchAll: true } => "posters/x.png",
                    RoutePatternParameterPart { Name: "showId" } => showId,
                    RoutePatternParameterPart { Name: "orderId" } => orderId,
                    RoutePatternParameterPart => EntityId.New(),
                    _ => "",
                });
            }
        }
        var request = new HttpRequestMessage(new HttpMethod(method), path.Length == 0 ? "/" : path.ToString());
        if (method is "POST" or "PUT" or "PATCH")
        {
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
            request.Content = accepts.Contains("application/json")
                ? new StringContent("{}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([]);
            if (accepts.Count > 0 && !accepts.Contains("application/json")) request.Content.Headers.ContentType = new MediaTypeHeaderValue(accepts[0]);
        }
        if (method == "PATCH") request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return request;
    }
}
