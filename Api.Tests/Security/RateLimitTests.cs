using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BoxOffice.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Tests.Security;

/// <summary>
/// Per-user limits on placing orders and requesting reports, per-address limits on minting tokens and signing in:
/// 429 problems with <c>Retry-After</c>, counted per caller, configurable, and checked at start.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Orders_are_limited_per_user_with_a_429_problem_and_retry_after_and_the_refused_order_reserves_nothing()
    {
        await using var app = Limited(("Orders", 2, "00:05:00"));
        var admin = await app.AdminAsync();
        var showId = (await admin.CreateShowAsync(capacity: 50)).Str("showId");
        var ann = await app.ClientForAsync("ann");
        var bob = await app.ClientForAsync("bob");

        Assert.Equal(HttpStatusCode.Accepted, (await ann.OrderAsync(showId, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await ann.OrderAsync(showId, 1)).StatusCode);
        var refused = await ann.OrderAsync(showId, 3);

        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem.Str("title"));
        Assert.False(string.IsNullOrEmpty(problem.Str("requestId")));
        Assert.Equal(TimeSpan.FromMinutes(5), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Accepted, (await bob.OrderAsync(showId, 1)).StatusCode); // bob has his own budget
        Assert.Equal(50 - 3, (await admin.GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());
    }

    [Fact]
    public async Task Report_requests_are_limited_per_user()
    {
        await using var app = Limited(("Reports", 1, "00:10:00"));
        var ada = await app.ClientForAsync("ada", "admin");
        var eve = await app.ClientForAsync("eve", "admin");

        Assert.Equal(HttpStatusCode.Accepted, (await ada.PostAsync("/reports/sales", null)).StatusCode);
        var refused = await ada.PostAsync("/reports/sales", null);

        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(10), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Accepted, (await eve.PostAsync("/reports/sales", null)).StatusCode);
    }

    [Fact]
    public async Task Tokens_and_sign_in_share_one_budget_per_client_address()
    {
        await using var app = Limited(("SignIn", 3, "00:01:00"));
        var first = IPAddress.Parse("198.51.100.7");
        var second = IPAddress.Parse("198.51.100.8");

        Assert.Equal(StatusCodes.Status200OK, (await SendAsync(app, first, "POST", "/dev/token", """{"username":"ann"}""")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status400BadRequest, (await SendAsync(app, first, "POST", "/dev/oauth2/token", form: "grant_type=password")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status400BadRequest, (await SendAsync(app, first, "GET", "/dev/oauth2/authorize?client_id=nobody")).Response.StatusCode);
        var refused = await SendAsync(app, first, "POST", "/dev/oauth2/authorize", form: "username=ann");
        var alsoRefused = await SendAsync(app, first, "POST", "/dev/token", """{"username":"ann"}""");
        var other = await SendAsync(app, second, "POST", "/dev/token", """{"username":"bob"}""");

        foreach (var answer in new[] { refused, alsoRefused })
        {
            Assert.Equal(StatusCodes.Status429TooManyRequests, answer.Response.StatusCode);
            Assert.Equal("application/problem+json", answer.Response.ContentType);
            Assert.Equal("60", answer.Response.Headers.RetryAfter.ToString());
            Assert.Equal(429, JsonDocument.Parse(await ReadAsync(answer)).RootElement.GetProperty("status").GetInt32());
        }
        Assert.Equal(StatusCodes.Status200OK, other.Response.StatusCode);
    }

    [Fact]
    public async Task An_ipv6_client_counts_by_its_64_block()
    {
        await using var app = Limited(("SignIn", 1, "00:01:00"));

        var first = await SendAsync(app, IPAddress.Parse("2001:db8:5:6::1"), "POST", "/dev/token", """{"username":"ann"}""");
        var sameBlock = await SendAsync(app, IPAddress.Parse("2001:db8:5:6:ffff::2"), "POST", "/dev/token", """{"username":"ann"}""");
        var otherBlock = await SendAsync(app, IPAddress.Parse("2001:db8:5:7::1"), "POST", "/dev/token", """{"username":"ann"}""");

        Assert.Equal(StatusCodes.Status200OK, first.Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, sameBlock.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, otherBlock.Response.StatusCode);
    }

    [Fact]
    public async Task A_spent_budget_comes_back_after_the_window()
    {
        // The framework's limiters keep their own clock (not TimeProvider), so this one waits a short real window.
        await using var app = Limited(("SignIn", 1, "00:00:01"));
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/dev/token", new { username = "ann" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/dev/token", new { username = "ann" })).StatusCode);

        var again = await ApiCalls.EventuallyAsync(
            () => client.PostAsJsonAsync("/dev/token", new { username = "ann" }), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Limits_can_be_turned_off()
    {
        await using var app = BoxOfficeApp.With(null, new Dictionary<string, string?>
        {
            ["BoxOffice:RateLimits:Enabled"] = "false",
            ["BoxOffice:RateLimits:SignIn:PermitLimit"] = "1",
        });
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/dev/token", new { username = "ann" })).StatusCode);
    }

    [Fact]
    public async Task Endpoints_outside_the_policies_are_not_limited()
    {
        await using var app = Limited(("Orders", 1, "00:05:00"), ("SignIn", 1, "00:05:00"));
        var client = app.CreateClient();

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/shows")).StatusCode);
    }

    [Theory]
    [InlineData("BoxOffice:RateLimits:Orders:PermitLimit", "0", "BoxOffice:RateLimits:Orders:PermitLimit must be between 1 and")]
    [InlineData("BoxOffice:RateLimits:Reports:Window", "00:00:00", "BoxOffice:RateLimits:Reports:Window must be between")]
    [InlineData("BoxOffice:RateLimits:SignIn:Window", "2.00:00:00", "BoxOffice:RateLimits:SignIn:Window must be between")]
    public async Task A_rule_that_cannot_work_stops_the_start_naming_the_setting(string key, string value, string message)
    {
        var error = Assert.IsType<OptionsValidationException>(await BoxOfficeApp.StartFailureAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static BoxOfficeApp Limited(params (string Rule, int PermitLimit, string Window)[] rules)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (rule, limit, window) in rules)
        {
            settings[$"BoxOffice:RateLimits:{rule}:PermitLimit"] = limit.ToString(CultureInfo.InvariantCulture);
            settings[$"BoxOffice:RateLimits:{rule}:Window"] = window;
        }
        return BoxOfficeApp.With(null, settings);
    }

    /// <summary>A request from <paramref name="from"/>: TestServer has no peer address of its own, so the test sets it as a socket would.</summary>
    private static Task<HttpContext> SendAsync(BoxOfficeApp app, IPAddress from, string method, string target, string? json = null, string? form = null)
    {
        return app.Server.SendAsync(http =>
        {
            var query = target.IndexOf('?', StringComparison.Ordinal);
            http.Request.Method = method;
            http.Request.Path = query < 0 ? target : target[..query];
            http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(target[query..]);
            http.Connection.RemoteIpAddress = from;
            if (json is null && form is null) return;
            var bytes = Encoding.UTF8.GetBytes(json ?? form!);
            http.Request.ContentType = json is null ? "application/x-www-form-urlencoded" : "application/json";
            http.Request.ContentLength = bytes.Length;
            http.Request.Body = new MemoryStream(bytes);
            http.Features.Set<IHttpRequestBodyDetectionFeature>(new WithBody());
        });
    }

    private sealed class WithBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    private static async Task<string> ReadAsync(HttpContext answer)
    {
        using var reader = new StreamReader(answer.Response.Body);
        return await reader.ReadToEndAsync();
    }
}
