using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;

namespace BoxOffice.Adapters.Aws;

/// <summary>
/// How every AWS SDK client of the AWS shape is set up: the region, the SDK's standard retry mode (backoff with
/// jitter and a retry quota), timeouts, and per service either the region's endpoint or an emulator's.
/// </summary>
internal static class AwsClientConfiguration
{
    /// <summary>Retries after the first attempt, on throttling, 5xx and network failures.</summary>
    public const int MaxErrorRetry = 3;

    /// <summary>One HTTP exchange; above SQS's longest long-poll wait (20 s).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The options every client starts from. <paramref name="credentials"/> null means the SDK's default chain
    /// (environment, profile, Lambda role), resolved when the first client is built.
    /// </summary>
    public static AWSOptions Defaults(AwsOptions options, AWSCredentials? credentials) => new()
    {
        Region = RegionEndpoint.GetBySystemName(AwsRegion.Resolve(options)),
        Credentials = credentials,
        DefaultClientConfig =
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = MaxErrorRetry,
            Timeout = Timeout,
            ConnectTimeout = ConnectTimeout,
        },
    };

    /// <summary>
    /// What the composition adds to each client: its attempt timeout when <paramref name="timeout"/> is set, and the
    /// HTTP client factory a test registered to inject faults (null in the product, which then uses the SDK's own).
    /// </summary>
    public static void Tune(ClientConfig config, TimeSpan? timeout, HttpClientFactory? httpClients)
    {
        if (timeout is { } attempt) config.Timeout = attempt;
        if (httpClients is not null) config.HttpClientFactory = httpClients;
    }

    /// <summary>
    /// Points <paramref name="config"/> at <paramref name="serviceUrl"/> (an emulator), signing for the shape's region;
    /// false, leaving the region's endpoint, when there is no override.
    /// </summary>
    public static bool PointAt(ClientConfig config, string? serviceUrl, AwsOptions options)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl)) return false;
        config.ServiceURL = serviceUrl;
        config.AuthenticationRegion = AwsRegion.Resolve(options);
        return true;
    }
}
