using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BoxOffice.Core.Dependencies;

namespace BoxOffice.Adapters.Aws;

/// <summary>
/// Transient failures of DynamoDB, S3 and SQS, as they are left once the SDK's standard retries (and the DynamoDB
/// adapter's own retries of transaction conflicts) are spent: throttling, 5xx answers, transaction conflicts,
/// timeouts and broken connections.
/// </summary>
internal sealed class AwsTransientFailures : ITransientFailures
{
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottled", "RequestThrottledException",
        "ProvisionedThroughputExceededException", "RequestLimitExceeded", "SlowDown",
        "TransactionConflictException", "TransactionInProgressException",
        "ServiceUnavailable", "InternalError", "InternalFailure", "InternalServerError",
    };

    /// <summary>Cancellation reasons of a transaction that a later attempt may not meet.</summary>
    public static readonly IReadOnlySet<string> TransientCancellationReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded",
    };

    public bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TransactionCanceledException canceled:
                    return canceled.CancellationReasons?.Any(r => r.Code is not null && TransientCancellationReasons.Contains(r.Code)) == true;
                case AmazonServiceException service when (int)service.StatusCode >= 500 || (service.ErrorCode is { } code && Codes.Contains(code)):
                    return true;
                case TimeoutException or HttpRequestException or IOException:
                    return true;
            }
        }
        return false;
    }
}
