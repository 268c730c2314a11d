using BoxOffice.Hosting.Health;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using BoxOffice.Api.Json;

namespace BoxOffice.Api.Health;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapGet("/", () => TypedResults.Ok(new HealthResponse("Healthy", new Dictionary<string, HealthEntry>())))
            .WithName("Health").WithSummary("Liveness: 200 while the process serves requests");
        health.MapGet("/ready", Ready)
            .WithName("Readiness").WithSummary("Readiness: 200 when data, files and queue answer, else 503 naming the failing ones");
        return app;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Ready(HttpContext http, HealthCheckService checks, CancellationToken ct)
    {
        var report = await checks.CheckHealthAsync(c => c.Tags.Contains(HealthRegistration.ReadyTag), ct);
        var body = new HealthResponse(report.Status.ToString(), report.Entries.ToDictionary(e => e.Key, e => new HealthEntry(e.Value.Status.ToString(), e.Value.Description)));
        return report.Status == HealthStatus.Healthy ? TypedResults.Ok(body) : ApiJsonResults.Json(http, body, StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthEntry> Checks);

public sealed record HealthEntry(string Status, string? Error);
