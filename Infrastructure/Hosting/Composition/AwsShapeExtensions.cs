using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using BoxOffice.Adapters.Aws;
using BoxOffice.Adapters.Aws.Cognito;
using BoxOffice.Adapters.Aws.DynamoDb;
using BoxOffice.Adapters.Aws.S3;
using BoxOffice.Adapters.Aws.Telemetry;
using BoxOffice.Adapters.Aws.Sqs;
using BoxOffice.Core.Dependencies;
using BoxOffice.Core.Files;
using BoxOffice.Core.Identity;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Queue;
using BoxOffice.Core.Reports;
using BoxOffice.Core.Shows;
using BoxOffice.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BoxOffice.Hosting.Composition;

public static class AwsShapeExtensions
{
    private const int MinCursorKeyBytes = 32;
    private static readonly TimeSpan JwksTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Wires the ports to DynamoDB, S3, SQS and Cognito. Every AWS SDK client is a singleton built on first use from
    /// <see cref="AwsOptions"/> (see <see cref="AddAwsClients"/>); credentials come from the SDK's default chain
    /// (environment, profile, Lambda role). The JWKS is fetched through <see cref="IHttpClientFactory"/>.
    /// The start fails at once, naming them, when any of <paramref name="required"/> (the function's list in
    /// <see cref="AwsSettings"/>) has no value.
    /// </summary>
    public static IHostApplicationBuilder AddAwsShape(this IHostApplicationBuilder builder, IReadOnlyList<string> required)
    {
        if (AwsSettings.Missing(builder.Configuration, required) is { Count: > 0 } missing)
            throw new InvalidOperationException(
                $"The AWS shape cannot start: {string.Join(", ", missing)} not set. serverless.template sets each on the function that reads it; " +
                "elsewhere set them as environment variables (or the same keys with ':' in configuration).");
        var services = builder.Services;
        var cursorKey = CursorKey(builder.Configuration);
        services.AddSingleton(new CursorCodec(cursorKey));

        services.AddAwsClients();

        services.AddSingleton(sp => new DynamoDbTable(
            sp.GetRequiredService<IAmazonDynamoDB>(), Required(Aws(sp).TableName, nameof(AwsOptions.TableName)), sp.GetRequiredService<CursorCodec>()));
        services.AddSingleton<IShowStore, DynamoDbShowStore>();
        services.AddSingleton<IOrderStore, DynamoDbOrderStore>();
        services.AddSingleton<IReportStore, DynamoDbReportStore>();
        services.AddSingleton<ITransientFailures, AwsTransientFailures>();

        services.AddSingleton<IFileStore>(sp => new S3FileStore(
            sp.GetRequiredService<IAmazonS3>(), Required(Aws(sp).BucketName, nameof(AwsOptions.BucketName)), sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<IJobQueue>(sp => new SqsJobQueue(
            sp.GetRequiredService<IAmazonSQS>(), Required(Aws(sp).QueueUrl, nameof(AwsOptions.QueueUrl))));
        services.AddSingleton<IDeadLetters>(sp => new SqsDeadLetters(
            sp.GetRequiredService<IAmazonSQS>(),
            Required(Aws(sp).DeadLetterQueueUrl, nameof(AwsOptions.DeadLetterQueueUrl)),
            Required(Aws(sp).QueueUrl, nameof(AwsOptions.QueueUrl))));

        services.AddSingleton<IPostConfigureOptions<IdentityOptions>, CognitoIdentityDefaults>();
        services.AddHttpClient(CognitoSigningKeys.HttpClientName, http => http.Timeout = JwksTimeout);
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp =>
        {
            var identity = sp.GetRequiredService<IOptions<IdentityOptions>>().Value;
            return CognitoSigningKeys.Create(identity.Issuer!, identity.JwksUrl!, sp.GetRequiredService<IHttpClientFactory>());
        });
        return builder;
    }

    /// <summary>
    /// The SDK clients, each a singleton built on first use: region, credentials and retry settings from
    /// <see cref="AwsClientConfiguration.Defaults"/> (an <see cref="AWSCredentials"/> registered in the container wins over the
    /// SDK's default chain), the attempt timeout of <see cref="AwsOptions.Timeouts"/> and the endpoint override of
    /// <see cref="AwsOptions.ServiceUrls"/> when set. An <see cref="HttpClientFactory"/> in the container (tests inject
    /// faults through one) carries every client's HTTP, so the retry settings under test are the product's own.
    /// </summary>
    internal static IServiceCollection AddAwsClients(this IServiceCollection services)
    {
        AwsCallTracing.Install();
        services.AddDefaultAWSOptions(sp => AwsClientConfiguration.Defaults(Aws(sp), sp.GetService<AWSCredentials>()));
        services.AddAWSService<IAmazonDynamoDB>((config, sp) =>
        {
            Observe(config, sp);
            AwsClientConfiguration.Tune(config, Aws(sp).Timeouts.DynamoDb, sp.GetService<HttpClientFactory>());
            AwsClientConfiguration.PointAt(config, Aws(sp).ServiceUrls.DynamoDb, Aws(sp));
        });
        services.AddAWSService<IAmazonS3>((config, sp) =>
        {
            Observe(config, sp);
            AwsClientConfiguration.Tune(config, Aws(sp).Timeouts.S3, sp.GetService<HttpClientFactory>());
            // Emulators answer on one host name, so address buckets by path there.
            if (AwsClientConfiguration.PointAt(config, Aws(sp).ServiceUrls.S3, Aws(sp))) ((AmazonS3Config)config).ForcePathStyle = true;
        });
        services.AddAWSService<IAmazonSQS>((config, sp) =>
        {
            Observe(config, sp);
            AwsClientConfiguration.Tune(config, Aws(sp).Timeouts.Sqs, sp.GetService<HttpClientFactory>());
            AwsClientConfiguration.PointAt(config, Aws(sp).ServiceUrls.Sqs, Aws(sp));
        });
        return services;
    }

    /// <summary>
    /// An HTTP request must be answered inside API Gateway's 29 s, retries included, so the Api's AWS calls give each
    /// attempt less time than the Worker's (<see cref="ApiAwsTimeouts"/>), unless configured otherwise.
    /// </summary>
    public static IServiceCollection AddApiAwsTimeouts(this IServiceCollection services) =>
        services.PostConfigure<AwsOptions>(o =>
        {
            o.Timeouts.DynamoDb ??= ApiAwsTimeouts.DynamoDb;
            o.Timeouts.S3 ??= ApiAwsTimeouts.S3;
            o.Timeouts.Sqs ??= ApiAwsTimeouts.Sqs;
        });

    private static void Observe(ClientConfig config, IServiceProvider sp)
    {
        if (sp.GetService<IDependencyMetrics>() is { } metrics) AwsCallTracing.Observe(config, metrics);
    }

    /// <summary>Cursors must verify on every instance, so the AWS shape takes the key from configuration, never generates one.</summary>
    private static byte[] CursorKey(IConfiguration config)
    {
        const string hint = $"Set {PagingOptions.Section}:CursorKey (env BoxOffice__Paging__CursorKey) to a base64 key of at least 32 bytes, e.g. `openssl rand -base64 32`.";
        var value = config[$"{PagingOptions.Section}:CursorKey"];
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidOperationException("The AWS shape needs a paging cursor key. " + hint);
        try
        {
            var key = Convert.FromBase64String(value);
            return key.Length >= MinCursorKeyBytes ? key : throw new InvalidOperationException($"The paging cursor key is {key.Length} bytes. " + hint);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("The paging cursor key is not base64. " + hint);
        }
    }

    private static AwsOptions Aws(IServiceProvider sp) => sp.GetRequiredService<IOptions<AwsOptions>>().Value;

    private static string Required(string value, string setting) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"The AWS shape needs {AwsOptions.Section}:{setting} (env BoxOffice__Aws__{setting}).")
            : value;
}
