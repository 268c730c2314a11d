namespace BoxOffice.Core.Dependencies;

/// <summary>
/// Tells a dependency's passing trouble (throttled, busy, briefly unavailable, timed out, a lost connection) from a
/// bug. Each shape registers the classifier of its own adapters; the Api answers a transient failure with 503 and
/// <c>Retry-After</c> once the adapters' own bounded retries are spent, never with 500.
/// </summary>
public interface ITransientFailures
{
    bool IsTransient(Exception exception);
}
