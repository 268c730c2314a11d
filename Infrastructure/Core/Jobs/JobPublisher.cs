using System.Text.Json;
using BoxOffice.Core.Queue;

namespace BoxOffice.Core.Jobs;

public sealed class JobPublisher(IJobQueue queue) : IJobPublisher
{
    public Task PublishAsync<T>(string type, T payload, CancellationToken ct) =>
        queue.SendAsync(new JobMessage(type, JsonSerializer.Serialize(payload, JobJson.Options), CorrelationContext.Current), ct);
}
