using System.Net;
using System.Reflection;
using System.Text;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Shows;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace BoxOffice.Api.Tests.Logging;

public class RequestLogLineTests
{
    [Fact]
    public async Task One_request_writes_exactly_one_line_with_method_route_status_elapsed_request_id_and_sub()
    {
        await using var app = BoxOfficeApp.WithInformationLogs();
        var client = await app.ClientForAsync("logged-user");
        var requestId = "line-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Add("X-Request-Id", requestId);
        var sub = (await (await client.SendAsync(request)).ReadAsync(HttpStatusCode.OK)).Str("sub");

        var line = await SingleLineOfAsync(app, requestId);

        Assert.Equal("Serilog.AspNetCore.RequestLoggingMiddleware", line.Category);
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal("GET", line.Properties["RequestMethod"]);
        Assert.Equal("/me", line.Properties["Route"]);
        Assert.Equal(200, line.Properties["StatusCode"]);
        Assert.InRange(Assert.IsType<double>(line.Properties["Elapsed"]), 0, double.MaxValue);
        Assert.Equal(sub, line.Properties["UserSub"]);
        Assert.StartsWith("HTTP GET /me responded 200 in ", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_line_names_the_route_template_not_the_path_and_has_no_sub_when_signed_out()
    {
        await using var app = BoxOfficeApp.WithInformationLogs();
        var requestId = "anon-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/shows/no-such-show");
        request.Headers.Add("X-Request-Id", requestId);
        await (await app.CreateClient().SendAsync(request)).ProblemAsync(HttpStatusCode.NotFound);

        var line = await SingleLineOfAsync(app, requestId);

        Assert.Equal("/shows/{showId:id}", line.Properties["Route"]);
        Assert.Equal(404, line.Properties["StatusCode"]);
        Assert.False(line.Properties.ContainsKey("UserSub"));
    }

    [Fact]
    public async Task A_rejected_body_puts_its_reason_on_the_one_line_of_its_request()
    {
        await using var app = BoxOfficeApp.WithInformationLogs();
        var admin = await app.AdminAsync();
        var requestId = "bad-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/shows") { Content = new StringContent("""{"title": "x",""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Request-Id", requestId);
        await (await admin.SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest);

        var line = await SingleLineOfAsync(app, requestId);

        Assert.Equal(400, line.Properties["StatusCode"]);
        Assert.Contains("not valid JSON", Assert.IsType<string>(line.Properties["ProblemDetail"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_request_is_one_error_line_carrying_the_exception()
    {
        await using var app = BoxOfficeApp.WithInformationLogs();
        using var broken = app.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton(DispatchProxy.Create<IShowStore, FailingStore>())));
        var requestId = "fail-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/shows/any");
        request.Headers.Add("X-Request-Id", requestId);
        await (await broken.CreateClient().SendAsync(request)).ProblemAsync(HttpStatusCode.InternalServerError);

        var line = await SingleLineOfAsync(app, requestId);

        Assert.Equal(LogEventLevel.Error, line.Level);
        Assert.Equal(500, line.Properties["StatusCode"]);
        Assert.Equal(FailingStore.Message, line.Exception?.Message);
    }

    [Fact]
    public async Task An_insane_request_id_is_replaced_by_a_generated_one_which_is_echoed_and_logged()
    {
        await using var app = BoxOfficeApp.WithInformationLogs();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "bad id with spaces");
        var response = await app.CreateClient().SendAsync(request);

        var echoed = response.Headers.GetValues("X-Request-Id").Single();
        Assert.NotEqual("bad id with spaces", echoed);
        Assert.False(string.IsNullOrWhiteSpace(echoed));
        Assert.Equal("/health/", (await SingleLineOfAsync(app, echoed)).Properties["Route"]);
    }

    // The line is written once the pipeline has finished, which can be just after the client has the response.
    private static async Task<CapturedLog> SingleLineOfAsync(BoxOfficeApp app, string requestId)
    {
        await ApiCalls.EventuallyAsync(() => Task.FromResult(LinesOf(app, requestId).Count), count => count > 0, TimeSpan.FromSeconds(5));
        return Assert.Single(LinesOf(app, requestId));
    }

    private static List<CapturedLog> LinesOf(BoxOfficeApp app, string requestId) =>
        app.Logs.Entries.Where(e => Equals(e.Properties.GetValueOrDefault("RequestId"), requestId)).ToList();

    /// <summary>A store whose every call throws, as one does when its database is gone.</summary>
    public class FailingStore : DispatchProxy
    {
        public const string Message = "The store is down.";

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new InvalidOperationException(Message);
    }
}
