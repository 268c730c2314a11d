using BoxOffice.Api.Identity;
using BoxOffice.Hosting.Lambda.AspNetCore;
using Serilog;
using Serilog.Events;

namespace BoxOffice.Api.Logging;

/// <summary>
/// One log line per request, written by Serilog's request logging once the response is done: method, route
/// template, status, elapsed milliseconds, the request id, in Lambda the X-Ray trace header and, when signed in, the
/// caller's <c>sub</c>.
/// </summary>
public static class RequestLogging
{
    public const string MessageTemplate = "HTTP {RequestMethod:l} {Route:l} responded {StatusCode} in {Elapsed:0.0} ms";
    public const string UserProperty = "UserSub";
    public const string XRayTraceProperty = "XRayTraceId";

    public static IApplicationBuilder UseBoxOfficeRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
        app.UseMiddleware<RequestIdMiddleware>(); // outside, so the request id is on the request line too
        return app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger; // this host's logger, not the static one
            options.MessageTemplate = MessageTemplate;
            options.GetMessageTemplateProperties = Properties;
            options.EnrichDiagnosticContext = Enrich;
        });
    }

    private static LogEventProperty[] Properties(HttpContext context, string path, double elapsedMs, int statusCode) =>
    [
        new("RequestMethod", new ScalarValue(context.Request.Method)),
        new("Route", new ScalarValue(RouteOf(context) ?? path)),
        new("StatusCode", new ScalarValue(statusCode)),
        new("Elapsed", new ScalarValue(elapsedMs)),
    ];

    // The endpoint's pattern ("/shows/{showId}") so lines group by operation; the path only when no endpoint matched.
    private static string? RouteOf(HttpContext context) => (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;

    private static void Enrich(IDiagnosticContext diagnostics, HttpContext context)
    {
        if (context.GetXRayTraceId() is { } trace) diagnostics.Set(XRayTraceProperty, trace);
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(CognitoClaims.Subject)?.Value is { } sub)
            diagnostics.Set(UserProperty, sub);
    }
}
