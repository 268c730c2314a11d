namespace BoxOffice.Core.Telemetry;

/// <summary>Failures and retries of calls to the services the app depends on (DynamoDB, S3, SQS).</summary>
public interface IDependencyMetrics
{
    /// <summary>A call that failed for good; <paramref name="kind"/> is one of a few classes (Throttled, ServerError...).</summary>
    void CallFailed(string dependency, string kind);

    void CallRetried(string dependency, int retries);
}
