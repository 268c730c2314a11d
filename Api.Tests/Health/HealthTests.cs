using System.Net;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Health;

public class HealthTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    [Fact]
    public async Task Liveness_is_200()
    {
        var body = await app.CreateClient().GetJsonAsync("/health");
        Assert.Equal("Healthy", body.Str("status"));
    }

    [Fact]
    public async Task Readiness_checks_data_files_and_queue()
    {
        var body = await app.CreateClient().GetJsonAsync("/health/ready");
        Assert.Equal("Healthy", body.Str("status"));
        var checks = body.GetProperty("checks");
        foreach (var name in new[] { "data", "files", "queue" })
            Assert.Equal("Healthy", checks.GetProperty(name).Str("status"));
    }

    [Fact]
    public async Task Readiness_is_503_when_the_data_store_is_broken()
    {
        await using var broken = new BoxOfficeApp();
        // A directory where the database file should be makes every SQLite open fail.
        Directory.CreateDirectory(Path.Combine(broken.DataPath, "boxoffice.db"));
        var body = await (await broken.CreateClient().GetAsync("/health/ready")).ReadAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("data").Str("status"));
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("files").Str("status"));
    }

    [Fact]
    public async Task Swagger_documents_every_route_with_bearer_auth()
    {
        var doc = await app.CreateClient().GetJsonAsync("/swagger/v1/swagger.json");
        var paths = doc.GetProperty("paths");
        string[] expected =
        [
            "/health", "/health/ready", "/shows", "/shows/{showId}", "/shows/{showId}/orders", "/shows/{showId}/poster",
            "/orders", "/orders/{orderId}", "/me", "/reports/sales", "/reports/{reportId}", "/admin/dead-letters",
            "/admin/dead-letters/redrive", "/dev/token",
        ];
        foreach (var path in expected) Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented");
        foreach (var path in paths.EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
                Assert.False(string.IsNullOrEmpty(operation.Value.GetProperty("summary").GetString()), $"{operation.Name} {path.Name} has no summary");
        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").Str("scheme"));
        var order = paths.GetProperty("/shows/{showId}/orders").GetProperty("post");
        Assert.True(order.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(order.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(order.TryGetProperty("security", out _), "ordering needs the bearer token");
        Assert.False(paths.GetProperty("/shows").GetProperty("get").TryGetProperty("security", out _), "the public list needs no token");
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var response = await app.CreateClient().GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swagger_can_be_turned_off_for_deployments()
    {
        await using var quiet = BoxOfficeApp.With(null, new Dictionary<string, string?> { ["BoxOffice:OpenApi:Enabled"] = "false" });
        await (await quiet.CreateClient().GetAsync("/swagger/v1/swagger.json")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await quiet.CreateClient().GetAsync("/health")).StatusCode);
    }
}
