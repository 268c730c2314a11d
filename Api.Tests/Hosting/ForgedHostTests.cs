using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BoxOffice.Api.Identity.SignIn;
using BoxOffice.Api.Tests.Posters;
using BoxOffice.Api.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace BoxOffice.Api.Tests.Hosting;

/// <summary>
/// Links are built from configuration, never from the request's Host header: with every host let through
/// (<c>AllowedHosts: *</c>), a client naming <c>evil.example</c> on every call of a whole visit (posters, tickets,
/// reports, the site's settings, the dev sign-in) still gets links on the app's own base URL, and never sees that host.
/// </summary>
public sealed class ForgedHostTests : IAsyncLifetime
{
    private const string Forged = "evil.example";
    private const string Own = "http://localhost";
    private const string Callback = Own + "/signed-in";
    private const string Verifier = "a-verifier-of-at-least-forty-three-characters.0123456789~_";

    private readonly BoxOfficeApp _app = BoxOfficeApp.With(null, new Dictionary<string, string?> { ["AllowedHosts"] = "*" });
    private readonly List<string> _answers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task No_answer_of_a_whole_visit_names_the_forged_host()
    {
        var anyone = _app.CreateDefaultClient(new ForgedHostHandler(Forged, _answers));
        var admin = await SignedInAsync("ada", "admin");
        var buyer = await SignedInAsync("bob");

        var showId = (await admin.CreateShowAsync(capacity: 20)).Str("showId");
        var png = TestImages.Png(6, 9);
        var upload = await (await admin.PostAsJsonAsync($"/shows/{showId}/poster", new { contentType = "image/png", contentLength = png.Length })).ReadAsync(HttpStatusCode.OK);
        Assert.StartsWith(Own + "/files/", upload.Str("uploadUrl"), StringComparison.Ordinal);
        using var put = new HttpRequestMessage(HttpMethod.Put, upload.Str("uploadUrl")) { Content = new ByteArrayContent(png) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        put.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any); // as signed: the upload only creates
        Assert.Equal(HttpStatusCode.OK, (await anyone.SendAsync(put)).StatusCode);
        var show = await ApiCalls.EventuallyAsync(() => anyone.GetJsonAsync($"/shows/{showId}"), s => s.Str("posterStatus") == "Published");
        Assert.StartsWith(Own + "/files/", show.Str("posterUrl"), StringComparison.Ordinal);
        Assert.Equal(png, await anyone.GetByteArrayAsync(show.Str("posterUrl")));
        await anyone.GetJsonAsync("/shows");

        var placed = await buyer.OrderAsync(showId, 2);
        var orderId = (await placed.ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        var order = await ApiCalls.EventuallyAsync(() => buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Confirmed");
        Assert.StartsWith(Own + "/files/", order.Str("ticketDocumentUrl"), StringComparison.Ordinal);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await anyone.GetByteArrayAsync(order.Str("ticketDocumentUrl")), 0, 4), StringComparison.Ordinal);
        await buyer.GetJsonAsync("/orders");
        await buyer.GetJsonAsync("/me");

        var requested = await admin.PostAsync("/reports/sales", null);
        await requested.ReadAsync(HttpStatusCode.Accepted);
        var report = await ApiCalls.EventuallyAsync(() => admin.GetJsonAsync(requested.Headers.Location!.OriginalString), r => r.Str("status") == "Ready");
        Assert.StartsWith(Own + "/files/", report.Str("downloadUrl"), StringComparison.Ordinal);

        var config = await anyone.GetJsonAsync("/config.json");
        Assert.Equal((Own, Own + "/dev/oauth2/authorize"), (config.Str("apiBaseUrl"), config.Str("authorizeUrl")));
        foreach (var path in new[] { "/", "/health", "/health/ready", "/dev/.well-known/jwks.json", "/swagger/v1/swagger.json", "/no-such-route" })
            await anyone.GetAsync(path);

        // The dev sign-in sends its codes to the site's own callback only, whatever host the request named.
        Assert.Equal(HttpStatusCode.BadRequest, (await anyone.GetAsync(AuthorizeUrl($"http://{Forged}/signed-in"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync(AuthorizeUrl(Callback))).StatusCode);
        var signedIn = await anyone.PostAsync("/dev/oauth2/authorize", new FormUrlEncodedContent([.. AuthorizeFields(Callback), new("username", "cy")]));
        Assert.StartsWith(Callback + "?code=", signedIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var signedOut = await anyone.GetAsync($"/dev/logout?client_id=boxoffice-local-client&logout_uri={Uri.EscapeDataString(Own + "/")}");
        Assert.Equal(Own + "/", signedOut.Headers.Location?.OriginalString);

        Assert.True(_answers.Count > 25, $"only {_answers.Count} answers were read");
        Assert.All(_answers, answer => Assert.DoesNotContain(Forged, answer, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<HttpClient> SignedInAsync(string username, params string[] groups)
    {
        var client = _app.CreateDefaultClient(new ForgedHostHandler(Forged, _answers));
        var token = await (await client.PostAsJsonAsync("/dev/token", new { username, groups })).ReadAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        return client;
    }

    private static KeyValuePair<string, string>[] AuthorizeFields(string redirectUri) =>
    [
        new("response_type", "code"), new("client_id", "boxoffice-local-client"), new("redirect_uri", redirectUri), new("state", "s"),
        new("code_challenge", Pkce.ChallengeOf(Verifier)), new("code_challenge_method", "S256"),
    ];

    private static string AuthorizeUrl(string redirectUri) =>
        QueryHelpers.AddQueryString("/dev/oauth2/authorize", AuthorizeFields(redirectUri).Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));

    /// <summary>Names <paramref name="host"/> in every request's Host header and adds every answer to <paramref name="seen"/> as text (status, headers, body).</summary>
    private sealed class ForgedHostHandler(string host, List<string> seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Host = host;
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var text = $"{(int)response.StatusCode} {request.RequestUri!.AbsolutePath}\n{response.Headers}{response.Content.Headers}\n{await response.Content.ReadAsStringAsync(cancellationToken)}";
            lock (seen) seen.Add(text);
            return response;
        }
    }
}
