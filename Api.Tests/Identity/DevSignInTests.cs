using System.Net;
using System.Net.Http.Headers;
using BoxOffice.Api.Identity.SignIn;
using BoxOffice.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace BoxOffice.Api.Tests.Identity;

/// <summary>The dev issuer's browser sign-in: authorization code with PKCE S256, shaped like Cognito's managed login.</summary>
public class DevSignInTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    private const string ClientId = "boxoffice-local-client";
    private const string Callback = "http://localhost/signed-in";
    private const string Verifier = "a-verifier-of-at-least-forty-three-characters.0123456789~_";

    [Fact]
    public async Task Sign_in_with_pkce_gives_a_token_the_api_accepts()
    {
        var browser = Browser();
        var page = await browser.GetAsync(AuthorizeUrl(state: "s1"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"username\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline' 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var code = await SignInAsync(browser, "dana", "s1", "admin");
        var tokens = await (await ExchangeAsync(browser, code, Verifier)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("Bearer", tokens.Str("token_type"));
        Assert.True(tokens.GetProperty("expires_in").GetInt32() > 0);

        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Str("access_token"));
        var me = await api.GetJsonAsync("/me");
        Assert.Equal("dana", me.Str("username"));
        Assert.Equal(["admin"], me.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task A_wrong_verifier_is_invalid_grant()
    {
        var browser = Browser();
        var code = await SignInAsync(browser, "erin", "s2");
        var refused = await (await ExchangeAsync(browser, code, Verifier.Replace('a', 'b'))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", refused.Str("error"));
        Assert.Contains("code_verifier", refused.Str("error_description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var browser = Browser();
        var code = await SignInAsync(browser, "fay", "s3");
        await (await ExchangeAsync(browser, code, Verifier)).ReadAsync(HttpStatusCode.OK);
        var again = await (await ExchangeAsync(browser, code, Verifier)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", again.Str("error"));
    }

    [Fact]
    public async Task A_code_expires_within_minutes()
    {
        await using var own = new BoxOfficeApp(); // moves its clock: not the shared instance
        var browser = own.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var code = await SignInAsync(browser, "gus", "s4");
        own.Clock.Advance(DevSignInGrants.CodeLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal("invalid_grant", (await (await ExchangeAsync(browser, code, Verifier)).ProblemAsync(HttpStatusCode.BadRequest)).Str("error"));
    }

    [Fact]
    public async Task A_foreign_redirect_uri_is_refused_without_redirecting()
    {
        var page = await Browser().GetAsync(AuthorizeUrl(redirectUri: "https://evil.example/signed-in"));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Headers.Location);
        Assert.Contains("redirect_uri must be http://localhost/signed-in", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_request_must_repeat_the_redirect_uri()
    {
        var browser = Browser();
        var code = await SignInAsync(browser, "hal", "s5");
        var refused = await (await ExchangeAsync(browser, code, Verifier, redirectUri: "http://localhost/elsewhere")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", refused.Str("error"));
    }

    [Fact]
    public async Task No_pkce_is_reported_to_the_client_with_its_state()
    {
        var response = await Browser().GetAsync($"/dev/oauth2/authorize?response_type=code&client_id={ClientId}&redirect_uri={Uri.EscapeDataString(Callback)}&state=s6");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.StartsWith(Callback, response.Headers.Location.ToString(), StringComparison.Ordinal);
        Assert.Equal("invalid_request", query["error"]);
        Assert.Equal("s6", query["state"]);
    }

    [Fact]
    public async Task The_session_signs_in_again_without_the_page_until_logout()
    {
        var browser = Browser();
        await SignInAsync(browser, "ivy", "s7");
        var again = await browser.GetAsync(AuthorizeUrl(state: "s8"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var code = QueryHelpers.ParseQuery(again.Headers.Location!.Query)["code"].ToString();
        Assert.Equal(HttpStatusCode.OK, (await ExchangeAsync(browser, code, Verifier)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync($"/dev/logout?client_id={ClientId}&logout_uri=https%3A%2F%2Fevil.example%2F")).StatusCode);
        var logout = await browser.GetAsync($"/dev/logout?client_id={ClientId}&logout_uri={Uri.EscapeDataString("http://localhost/")}");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("http://localhost/", logout.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(AuthorizeUrl(state: "s9"))).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token()
    {
        var browser = Browser();
        var code = await SignInAsync(browser, "jon", "s10");
        var tokens = await (await ExchangeAsync(browser, code, Verifier)).ReadAsync(HttpStatusCode.OK);
        var refreshed = await browser.PostAsync("/dev/oauth2/token", Form(("grant_type", "refresh_token"), ("client_id", ClientId), ("refresh_token", tokens.Str("refresh_token"))));
        Assert.False(string.IsNullOrEmpty((await refreshed.ReadAsync(HttpStatusCode.OK)).Str("access_token")));
        var bogus = await browser.PostAsync("/dev/oauth2/token", Form(("grant_type", "refresh_token"), ("client_id", ClientId), ("refresh_token", "nope")));
        Assert.Equal("invalid_grant", (await bogus.ProblemAsync(HttpStatusCode.BadRequest)).Str("error"));
    }

    [Fact]
    public async Task Hostile_parameters_are_encoded_in_the_page()
    {
        var page = await (await Browser().GetAsync(AuthorizeUrl(state: "\"><script>alert(1)</script>"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blank_user_name_shows_the_form_again_with_the_error()
    {
        var response = await Browser().PostAsync("/dev/oauth2/authorize", Form([.. AuthorizeFields("s11"), ("username", "  ")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"username-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static (string, string)[] AuthorizeFields(string state, string redirectUri = Callback) =>
    [
        ("response_type", "code"), ("client_id", ClientId), ("redirect_uri", redirectUri), ("state", state),
        ("code_challenge", Pkce.ChallengeOf(Verifier)), ("code_challenge_method", "S256"),
    ];

    private static string AuthorizeUrl(string state = "s", string redirectUri = Callback) =>
        QueryHelpers.AddQueryString("/dev/oauth2/authorize", AuthorizeFields(state, redirectUri).Select(f => new KeyValuePair<string, string?>(f.Item1, f.Item2)));

    private static async Task<string> SignInAsync(HttpClient browser, string username, string state, params string[] groups)
    {
        var response = await browser.PostAsync("/dev/oauth2/authorize", Form([.. AuthorizeFields(state), ("username", username), .. groups.Select(g => ("groups", g))]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Callback + "?", location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(state, query["state"]);
        return query["code"].ToString();
    }

    private static Task<HttpResponseMessage> ExchangeAsync(HttpClient client, string code, string verifier, string redirectUri = Callback) =>
        client.PostAsync("/dev/oauth2/token", Form(("grant_type", "authorization_code"), ("client_id", ClientId), ("code", code),
            ("redirect_uri", redirectUri), ("code_verifier", verifier)));

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
