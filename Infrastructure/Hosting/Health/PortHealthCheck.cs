using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BoxOffice.Hosting.Health;

/// <summary>Readiness of one port: healthy when a cheap call through it succeeds within the check's timeout.</summary>
internal sealed class PortHealthCheck(Func<CancellationToken, Task> probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await probe(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(ex.GetType().Name);
        }
    }
}
