using System.Net;
using BoxOffice.Api.Hosting;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Errors;

/// <summary>The target and header limits the app enforces itself (docs/limits.md), answered as problems in any host.</summary>
public sealed class RequestLimitsTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    [Fact]
    public async Task A_target_over_the_limit_is_a_414_problem()
    {
        var path = "/shows?cursor=" + new string('c', RequestLimits.MaxTargetBytes);

        var problem = await (await app.CreateClient().GetAsync(path)).ProblemAsync(HttpStatusCode.RequestUriTooLong);

        Assert.Equal($"The path and query are longer than {RequestLimits.MaxTargetBytes} bytes.", problem.Str("detail"));
    }

    [Fact]
    public async Task A_target_at_the_limit_is_served()
    {
        var path = "/health?pad=";
        path += new string('p', RequestLimits.MaxTargetBytes - path.Length);

        await (await app.CreateClient().GetAsync(path)).ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Headers_over_the_size_limit_are_a_431_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new string('a', RequestLimits.MaxHeaderBytes));

        var problem = await (await app.CreateClient().SendAsync(request)).ProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);

        Assert.Contains($"{RequestLimits.MaxHeaderBytes} bytes", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_header_fields_than_the_limit_are_a_431_problem_counting_repeated_ones()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        for (var i = 0; i <= RequestLimits.MaxHeaderCount; i++) request.Headers.TryAddWithoutValidation("X-Repeated", $"value {i}");

        await (await app.CreateClient().SendAsync(request)).ProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task Headers_within_the_limits_are_served()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        for (var i = 0; i < RequestLimits.MaxHeaderCount / 2; i++) request.Headers.TryAddWithoutValidation($"X-Field-{i}", new string('v', 400));

        await (await app.CreateClient().SendAsync(request)).ReadAsync(HttpStatusCode.OK);
    }
}
