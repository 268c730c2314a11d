using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using BoxOffice.Core.Telemetry;

namespace BoxOffice.Adapters.Aws.Telemetry;

/// <summary>
/// A span around every AWS SDK call (<c>DynamoDB.PutItem</c>, <c>SQS.SendMessage</c>...), retries included, and the
/// dependency metrics of the host whose client made it: a call that failed for good by kind, and the retries it took.
/// A handler in each client's pipeline, ahead of the SDK's retry handler; it reaches the host's metrics through the
/// client's configuration (see <see cref="Observe"/>).
/// </summary>
public sealed class AwsCallTracing : PipelineHandler
{
    private static readonly ConditionalWeakTable<IClientConfig, IDependencyMetrics> Observers = [];
    private static int _installed;

    /// <summary>Adds the handler to every SDK client built from now on (once per process).</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0) RuntimePipelineCustomizerRegistry.Instance.Register(new Customizer());
    }

    /// <summary>Sends the dependency metrics of clients built with <paramref name="config"/> to <paramref name="metrics"/>.</summary>
    public static void Observe(IClientConfig config, IDependencyMetrics metrics) => Observers.AddOrUpdate(config, metrics);

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var request = executionContext.RequestContext;
        var service = request.ServiceMetaData?.ServiceId ?? "AWS";
        var operation = OperationOf(request.RequestName);
        using var activity = BoxOfficeActivities.Source.StartActivity($"{service}.{operation}", ActivityKind.Client);
        activity?.SetTag("rpc.system", "aws-api");
        activity?.SetTag("rpc.service", service);
        activity?.SetTag("rpc.method", operation);
        Observers.TryGetValue(request.ClientConfig, out var metrics);
        try
        {
            var response = await base.InvokeAsync<T>(executionContext);
            activity?.SetTag("aws.request_id", executionContext.ResponseContext?.Response?.ResponseMetadata?.RequestId);
            return response;
        }
        catch (Exception ex) when (AwsCallFailure.KindOf(ex) is { } kind)
        {
            activity.Failed(ex);
            activity?.SetTag("error.type", kind);
            metrics?.CallFailed(service, kind);
            throw;
        }
        finally
        {
            if (request.Retries > 0)
            {
                activity?.SetTag("aws.retries", request.Retries);
                metrics?.CallRetried(service, request.Retries);
            }
        }
    }

    private static string OperationOf(string? requestName) =>
        requestName is { Length: > 7 } name && name.EndsWith("Request", StringComparison.Ordinal) ? name[..^7] : requestName ?? "Call";

    private sealed class Customizer : IRuntimePipelineCustomizer
    {
        public string UniqueName => "BoxOffice.AwsCallTracing";

        public void Customize(Type type, RuntimePipeline pipeline) => pipeline.AddHandlerBefore<RetryHandler>(new AwsCallTracing());
    }
}

/// <summary>What kind of failure an SDK call ended in, for the DependencyErrors metric; null when it is an expected answer.</summary>
public static class AwsCallFailure
{
    public const string Throttled = "Throttled";
    public const string ClientError = "ClientError";
    public const string ServerError = "ServerError";
    public const string Network = "Network";

    // The answers the adapters expect and turn into outcomes: a condition not met (seats short, a stale version, a
    // key already used), a missing object (404).
    private static readonly HashSet<string> Expected = new(StringComparer.Ordinal)
    {
        "ConditionalCheckFailedException", "TransactionCanceledException", "NoSuchKey", "NotFound", "PreconditionFailed",
    };

    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ProvisionedThroughputExceededException", "RequestLimitExceeded", "SlowDown",
        "TooManyRequestsException", "RequestThrottled", "RequestThrottledException", "ThrottledException",
    };

    public static string? KindOf(Exception exception) => exception switch
    {
        OperationCanceledException => null,
        AmazonServiceException { ErrorCode: { } code } when Expected.Contains(code) => null,
        AmazonServiceException { StatusCode: HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed } => null,
        AmazonServiceException { ErrorCode: { } code } when Throttling.Contains(code) => Throttled,
        AmazonServiceException { StatusCode: HttpStatusCode.TooManyRequests } => Throttled,
        AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } => ServerError,
        AmazonServiceException { StatusCode: >= HttpStatusCode.BadRequest } => ClientError,
        _ => Network,
    };
}
