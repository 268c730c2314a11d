using System.Net;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>Which failures are worth another attempt, and how long to wait first (exponential backoff, full jitter).</summary>
public static class SqsRetryPolicy
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "KmsThrottled",
        "ServiceUnavailable", "InternalError", "InternalFailure", "RequestTimeout", "RequestTimeoutException",
    };

    public static bool IsRetryable(HttpStatusCode status, string errorCode) =>
        (int)status >= 500 || status == HttpStatusCode.TooManyRequests || ThrottlingCodes.Contains(errorCode);

    /// <summary>The wait before attempt <paramref name="retry"/> + 1 (retry counts from 1).</summary>
    public static TimeSpan Backoff(int retry, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
