using BoxOffice.Api.Problems;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace BoxOffice.Api.Hosting;

/// <summary>
/// The <c>AllowedHosts</c> setting (<c>;</c>-separated host names, <c>*.example.com</c> wildcards, <c>*</c> for any):
/// a request whose <c>Host</c> names another host is refused with a 400 problem before anything else sees it. It
/// stands in for ASP.NET Core's own host filter, reading the same options, which answers with an HTML page.
/// </summary>
public sealed class AllowedHostsMiddleware(RequestDelegate next, IOptionsMonitor<HostFilteringOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (IsAllowed(context.Request.Host, options.CurrentValue)) return next(context);
        return Problem.Of(StatusCodes.Status400BadRequest, "Unknown host",
            "The Host header names a host this server does not answer for.").ExecuteAsync(context);
    }

    private static bool IsAllowed(HostString host, HostFilteringOptions options)
    {
        var allowed = options.AllowedHosts;
        if (allowed.Count == 0 || allowed.Contains("*")) return true;
        if (!host.HasValue) return options.AllowEmptyHosts;
        // As the framework's filter does: compare host names only (no port), IDN entries in their punycode form.
        return HostString.MatchesAny(host.Host, [.. allowed.Select(entry => new StringSegment(HostString.FromUriComponent(entry).Host))]);
    }

    /// <summary>Takes the framework's filter out of the pipeline (it would answer first, in HTML); this one runs instead.</summary>
    public static void ReplaceFrameworkFilter(IServiceCollection services)
    {
        var framework = services.Where(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == "HostFilteringStartupFilter").ToList();
        foreach (var descriptor in framework) services.Remove(descriptor);
    }
}
