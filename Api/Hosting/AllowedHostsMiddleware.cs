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
    private AllowedHosts? _hosts;

    public Task InvokeAsync(HttpContext context)
    {
        var current = options.CurrentValue;
        var hosts = _hosts is { } parsed && ReferenceEquals(parsed.Source, current) ? parsed : _hosts = AllowedHosts.Of(current);
        if (hosts.Allow(context.Request.Host)) return next(context);
        return Problem.Of(StatusCodes.Status400BadRequest, "Unknown host",
            "The Host header names a host this server does not answer for.").ExecuteAsync(context);
    }

    /// <summary>The setting parsed once per options value (every request is checked against it).</summary>
    private sealed record AllowedHosts(HostFilteringOptions Source, bool Any, StringSegment[] Hosts)
    {
        public static AllowedHosts Of(HostFilteringOptions options) => new(
            options,
            options.AllowedHosts.Count == 0 || options.AllowedHosts.Contains("*"),
            // As the framework's filter does: compare host names only (no port), IDN entries in their punycode form.
            [.. options.AllowedHosts.Select(entry => new StringSegment(HostString.FromUriComponent(entry).Host))]);

        public bool Allow(HostString host) =>
            Any || (host.HasValue ? HostString.MatchesAny(host.Host, Hosts) : Source.AllowEmptyHosts);
    }

    /// <summary>Takes the framework's filter out of the pipeline (it would answer first, in HTML); this one runs instead.</summary>
    public static void ReplaceFrameworkFilter(IServiceCollection services)
    {
        var framework = services.Where(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == "HostFilteringStartupFilter").ToList();
        foreach (var descriptor in framework) services.Remove(descriptor);
    }
}
