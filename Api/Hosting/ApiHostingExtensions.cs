using BoxOffice.Api.CrossOrigin;
using BoxOffice.Api.Identity;
using BoxOffice.Api.Json;
using BoxOffice.Api.Logging;
using BoxOffice.Api.OpenApi;
using BoxOffice.Api.Problems;
using BoxOffice.Api.RateLimiting;
using BoxOffice.Api.Routing;
using BoxOffice.Api.Security;
using BoxOffice.Hosting.Composition;
using BoxOffice.Hosting.Logging;

namespace BoxOffice.Api.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>Maximum size of a JSON request body.</summary>
    public const long JsonBodyLimit = 64 * 1024;

    public static WebApplicationBuilder AddBoxOfficeApi(this WebApplicationBuilder builder)
    {
        builder.AddBoxOfficeLogging();
        builder.AddBoxOfficeCore(AwsSettings.Api);
        builder.Services.AddApiAwsTimeouts();
        builder.AddInProcessJobs();

        builder.Services.AddBoxOfficeJson();
        builder.WebHost.ConfigureKestrel(kestrel => RequestLimits.ApplyOuterLimits(kestrel.Limits));
        AllowedHostsMiddleware.ReplaceFrameworkFilter(builder.Services);
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<RouteOptions>(o => o.SetParameterPolicy<EntityIdRouteConstraint>(EntityIdRouteConstraint.Name));
        builder.Services.AddValidation();
        builder.Services.AddBoxOfficeProblems();
        builder.Services.AddBoxOfficeAuthentication();
        builder.Services.AddBoxOfficeRateLimits(builder.Configuration);
        builder.Services.AddBoxOfficeCrossOrigin(builder.Configuration);
        builder.AddBoxOfficeOpenApiDocument();
        return builder;
    }

    public static WebApplication UseBoxOfficeApi(this WebApplication app)
    {
        app.UseBoxOfficeRequestLogging();
        app.UseMiddleware<ApiSecurityHeadersMiddleware>();
        app.UseMiddleware<AllowedHostsMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseBoxOfficeCrossOrigin(); // answers preflights before anything asks for a token
        app.UseMiddleware<JsonBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter(); // after authorization: per-user limits know the user, and anonymous callers never count against one
        app.UseBoxOfficeOpenApiDocument();
        return app;
    }
}
