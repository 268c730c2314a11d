namespace BoxOffice.Core.Jobs;

public interface IJobPublisher
{
    /// <summary>Queues a job of <paramref name="type"/> carrying <paramref name="payload"/> and the current correlation id.</summary>
    Task PublishAsync<T>(string type, T payload, CancellationToken ct);
}
