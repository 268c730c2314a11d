using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using BoxOffice.Adapters.Aws.Sqs;

namespace BoxOffice.Adapters.Aws;

/// <summary>
/// Builds the AWS clients of the AWS shape from <see cref="AwsOptions"/>: the region, and per service either the real
/// endpoint or the override (an emulator). Each client keeps its connections, so build them once and reuse them.
/// </summary>
public static class AwsClientFactory
{
    /// <summary><see cref="AwsOptions.Region"/>, else <c>AWS_REGION</c> (set by Lambda), else <c>AWS_DEFAULT_REGION</c>.</summary>
    public static string ResolveRegion(AwsOptions options)
    {
        var region = FirstSet(options.Region, Environment.GetEnvironmentVariable("AWS_REGION"), Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"));
        return region ?? throw new InvalidOperationException(
            "No AWS region: set BoxOffice:Aws:Region (env BoxOffice__Aws__Region) or AWS_REGION.");
    }

    public static IAmazonDynamoDB CreateDynamoDb(AwsOptions options, AWSCredentials credentials)
    {
        var config = new AmazonDynamoDBConfig();
        Point(config, options.ServiceUrls.DynamoDb, ResolveRegion(options));
        return new AmazonDynamoDBClient(credentials, config);
    }

    public static IAmazonS3 CreateS3(AwsOptions options, AWSCredentials credentials)
    {
        var config = new AmazonS3Config();
        Point(config, options.ServiceUrls.S3, ResolveRegion(options));
        // Emulators answer on one host name, so address buckets by path there.
        config.ForcePathStyle = !string.IsNullOrWhiteSpace(options.ServiceUrls.S3);
        return new AmazonS3Client(credentials, config);
    }

    public static SqsClient CreateSqs(AwsOptions options, AWSCredentials credentials)
    {
        var region = ResolveRegion(options);
        var endpoint = string.IsNullOrWhiteSpace(options.ServiceUrls.Sqs) ? SqsClientSettings.EndpointFor(region) : new Uri(options.ServiceUrls.Sqs);
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        return new SqsClient(http, new SqsClientSettings { Endpoint = endpoint, Region = region }, credentials);
    }

    private static void Point(ClientConfig config, string? serviceUrl, string region)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            return;
        }
        config.ServiceURL = serviceUrl;
        config.AuthenticationRegion = region;
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
