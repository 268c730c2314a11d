using BoxOffice.Api.Site;

namespace BoxOffice.Api.Security;

/// <summary>
/// Headers on every answer, whatever produced it (endpoint, problem, 404, rate limiter): <c>nosniff</c>, and
/// <c>Cache-Control: no-store</c> unless the endpoint is marked <see cref="RevalidatedCaching"/>: orders, tickets,
/// reports, identity, admin routes and signed file URLs never rest in a browser or proxy cache. The web site's files
/// keep their own caching (<see cref="SiteSetup"/>). Set as the response starts, so nothing later can drop them.
/// </summary>
public sealed class ApiSecurityHeadersMiddleware(RequestDelegate next)
{
    public const string NoStore = "no-store";
    public const string Revalidate = "no-cache";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state => Apply((HttpContext)state), context);
        return next(context);
    }

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (SiteFiles.IsSiteRequest(context) && headers.CacheControl.Count > 0) return Task.CompletedTask;
        if (context.GetEndpoint()?.Metadata.GetMetadata<RevalidatedCaching>() is null) headers.CacheControl = NoStore;
        else if (headers.CacheControl.Count == 0) headers.CacheControl = Revalidate;
        return Task.CompletedTask;
    }
}
