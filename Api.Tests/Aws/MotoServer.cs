using System.Globalization;
using System.Net;
using Amazon.Runtime;
using BoxOffice.Adapters.Aws;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Hosting.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// Runs <c>moto_server</c> (the AWS emulator on the machine image) on a free 127.0.0.1 port for a test collection,
/// and stops it afterwards. Tests share one server, so each one creates resources under its own names. It starts
/// through <c>scripts/moto-server.py</c>, which takes DynamoDB requests one at a time: moto's DynamoDB is not
/// thread-safe, and concurrent transactions on it undo each other.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    public const string Region = "us-east-1";
    public const string AccountId = "123456789012";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private ServerProcess? _server;

    public Uri Url => _server?.Url ?? throw new InvalidOperationException("moto_server is not running.");

    /// <summary>The key pair every emulator of the tests shares (the app has one credential for all its clients).</summary>
    public AWSCredentials Credentials => DynamoDbLocal.TestCredentials;

    /// <summary>Options that point every AWS client of the app at this server.</summary>
    public AwsOptions Options(string table = "", string bucket = "", string queueUrl = "", string deadLetterQueueUrl = "", string userPoolId = "") => new()
    {
        Region = Region,
        TableName = table,
        BucketName = bucket,
        QueueUrl = queueUrl,
        DeadLetterQueueUrl = deadLetterQueueUrl,
        UserPoolId = userPoolId,
        ServiceUrls = new AwsServiceUrls { DynamoDb = Url.ToString(), S3 = Url.ToString(), Sqs = Url.ToString() },
    };

    /// <summary>A new AWS SDK client (<c>IAmazonDynamoDB</c>, <c>IAmazonS3</c>, <c>IAmazonSQS</c>) set up as the app sets up its own, pointed at this server.</summary>
    public T NewClient<T>() where T : notnull
    {
        var services = new ServiceCollection()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(Options()))
            .AddSingleton(Credentials)
            .AddAwsClients();
        return services.BuildServiceProvider().GetRequiredService<T>();
    }

    /// <summary>A name no other test uses (lower case, so it is also a valid bucket name).</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];

    public async Task InitializeAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Aws", "moto-server.py");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        _server = await ServerProcess.StartAsync(
            "moto_server", "python3", port => [script, "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)],
            async url => (await http.GetAsync(new Uri(url, "/moto-api/data.json"))).StatusCode == HttpStatusCode.OK,
            StartTimeout);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>The tests that share one <see cref="MotoServer"/> (and a <see cref="DynamoDbLocal"/> for the table); they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>, ICollectionFixture<DynamoDbLocal>
{
    public const string Name = "moto";
}
