using BoxOffice.Api.Logging;
using BoxOffice.Api.Orders;
using BoxOffice.Api.Shows;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BoxOffice.Api.CrossOrigin;

/// <summary>
/// CORS for the configured origins only (<see cref="CrossOriginOptions"/>): the methods and request headers the web
/// box office sends, the response headers it reads, no cookies (tokens travel in <c>Authorization</c>). A preflight
/// from any other origin is answered without a single <c>Access-Control-*</c> header, so the browser refuses it.
/// This is the only CORS of the API: the template gives API Gateway none, which would override these answers.
/// </summary>
public static class CrossOriginSetup
{
    public static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static readonly string[] RequestHeaders =
        [HeaderNames.Authorization, HeaderNames.ContentType, OrdersApi.IdempotencyHeader, ShowsApi.IfMatchHeader, RequestIdMiddleware.Header];

    public static readonly string[] ExposedHeaders =
        [HeaderNames.ETag, HeaderNames.Location, HeaderNames.RetryAfter, RequestIdMiddleware.Header];

    /// <summary>How long a browser may reuse a preflight answer.</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddBoxOfficeCrossOrigin(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CrossOriginOptions.Section);
        // Checked while the app is composed, so a bad origin stops the start before anything listens.
        new CrossOriginOptionsValidator().ThrowIfInvalid(section.Get<CrossOriginOptions>() ?? new CrossOriginOptions());
        services.AddOptions<CrossOriginOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CrossOriginOptions>, CrossOriginOptionsValidator>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CrossOriginOptions>>((cors, allowed) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. allowed.Value.Origins()])
                .WithMethods(Methods)
                .WithHeaders(RequestHeaders)
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(PreflightMaxAge)));
        return services;
    }

    /// <summary>
    /// The CORS middleware, built here rather than by <c>UseCors()</c>: that one takes the policy provider as an
    /// extra <c>Invoke</c> parameter, which <c>UseMiddleware</c> serves through a compiled expression tree, loading
    /// System.Linq.Expressions and compiling at every cold start.
    /// </summary>
    public static IApplicationBuilder UseBoxOfficeCrossOrigin(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var cors = services.GetRequiredService<ICorsService>();
        var policies = services.GetRequiredService<ICorsPolicyProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        return app.Use(next =>
        {
            var middleware = new CorsMiddleware(next, cors, loggers);
            return http => middleware.Invoke(http, policies);
        });
    }
}
