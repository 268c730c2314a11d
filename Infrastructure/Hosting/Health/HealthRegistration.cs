using BoxOffice.Core.Files;
using BoxOffice.Core.Queue;
using BoxOffice.Core.Shows;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Hosting.Health;

public static class HealthRegistration
{
    public const string ReadyTag = "ready";

    /// <summary>One readiness check per port, through the port, so both shapes are checked the same way.</summary>
    public static IServiceCollection AddPortHealthChecks(this IServiceCollection services)
    {
        var timeout = TimeSpan.FromSeconds(3);
        services.AddHealthChecks()
            .Add(new("data", sp => new PortHealthCheck(ct => sp.GetRequiredService<IShowStore>().GetAsync("health-probe", ct)), null, [ReadyTag], timeout))
            .Add(new("files", sp => new PortHealthCheck(async ct => { if (await sp.GetRequiredService<IFileStore>().OpenAsync("health/probe", ct) is { } f) await f.DisposeAsync(); }), null, [ReadyTag], timeout))
            .Add(new("queue", sp => new PortHealthCheck(ct => sp.GetRequiredService<IJobQueue>().DepthAsync(ct)), null, [ReadyTag], timeout));
        return services;
    }
}
