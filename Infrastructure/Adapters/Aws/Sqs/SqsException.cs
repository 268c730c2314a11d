using System.Net;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>An SQS call that failed for good: the action, the service's error code and message, and the HTTP status.</summary>
public sealed class SqsException(string action, string errorCode, string errorMessage, HttpStatusCode? statusCode, Exception? inner = null)
    : Exception($"SQS {action} failed: {errorCode}{(statusCode is { } s ? $" (HTTP {(int)s})" : "")}: {errorMessage}", inner)
{
    public string Action { get; } = action;

    /// <summary>The service's error code without its namespace, e.g. <c>QueueDoesNotExist</c>.</summary>
    public string ErrorCode { get; } = errorCode;

    public HttpStatusCode? StatusCode { get; } = statusCode;
}
