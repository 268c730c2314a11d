using System.Net;
using BoxOffice.Api.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Identity;

/// <summary>The JwtBearer handler runs only for requests that carry an Authorization header (or must be challenged).</summary>
public sealed class BearerTokenAuthenticationTests : IAsyncLifetime
{
    private int _handlerRuns;
    private BoxOfficeApp _app = null!;

    public Task InitializeAsync()
    {
        _app = BoxOfficeApp.With(null, services: services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            jwt.Events.OnMessageReceived = _ =>
            {
                Interlocked.Increment(ref _handlerRuns);
                return Task.CompletedTask;
            }));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_public_listing_without_a_token_does_not_run_the_handler()
    {
        var response = await _app.CreateClient().GetAsync("/shows");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _handlerRuns);
    }

    [Fact]
    public async Task A_token_is_still_read_on_a_public_route_and_the_caller_known()
    {
        var client = await _app.ClientForAsync("dora");
        var before = _handlerRuns;

        var response = await client.GetAsync("/shows");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, _handlerRuns);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task A_protected_route_without_a_token_is_still_challenged_by_the_handler()
    {
        var response = await _app.CreateClient().GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_token_is_still_refused()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");

        var response = await client.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(_handlerRuns > 0);
    }
}
