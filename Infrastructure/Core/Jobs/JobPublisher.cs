using System.Diagnostics;
using System.Text.Json;
using BoxOffice.Core.Queue;
using BoxOffice.Core.Telemetry;

namespace BoxOffice.Core.Jobs;

/// <summary>Queues jobs with the current correlation id and, in a producer span, the trace context the job continues.</summary>
public sealed class JobPublisher(IJobQueue queue) : IJobPublisher
{
    public async Task PublishAsync<T>(string type, T payload, CancellationToken ct)
    {
        using var activity = BoxOfficeActivities.Source.StartActivity($"publish {type}", ActivityKind.Producer);
        activity?.SetTag("messaging.operation.type", "send");
        activity?.SetTag("boxoffice.job.type", type);
        try
        {
            var message = new JobMessage(type, JsonSerializer.Serialize(payload, JobJson.TypeInfo<T>()), CorrelationContext.Current, BoxOfficeActivities.CurrentTraceParent());
            await queue.SendAsync(message, ct);
        }
        catch (Exception ex)
        {
            activity.Failed(ex);
            throw;
        }
    }
}
