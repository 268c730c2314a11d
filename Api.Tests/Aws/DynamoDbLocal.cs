using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// DynamoDB Local, Amazon's own engine, on a free 127.0.0.1 port for a test collection (in memory, so each run
/// starts empty), stopped afterwards. Installed on first use by <c>scripts/dynamodb-local.sh</c> (npm and Java).
/// It is strict where moto is lax (key sizes, key conditions, expression rules), which is why the DynamoDB
/// adapters are tested here; it does not throttle or conflict, so those faults are injected by the tests.
/// </summary>
public sealed class DynamoDbLocal : IAsyncLifetime
{
    public const string Region = "us-east-1";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private ServerProcess? _server;

    /// <summary>DynamoDB Local refuses access keys with anything but letters and digits; these never leave the machine.</summary>
    public static readonly AWSCredentials TestCredentials = new BasicAWSCredentials("boxofficetest", "boxofficetestsecret");

    public AWSCredentials Credentials => TestCredentials;

    public Uri Url => _server?.Url ?? throw new InvalidOperationException("DynamoDB Local is not running.");

    public IAmazonDynamoDB CreateClient() =>
        new AmazonDynamoDBClient(Credentials, new AmazonDynamoDBConfig { ServiceURL = Url.ToString(), AuthenticationRegion = Region });

    public async Task InitializeAsync()
    {
        var folder = await InstallAsync();
        _server = await ServerProcess.StartAsync(
            "DynamoDB Local", "java",
            port => ["-Djava.library.path=DynamoDBLocal_lib", "-jar", "DynamoDBLocal.jar", "-inMemory", "-disableTelemetry", "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ReadyAsync, StartTimeout, workingDirectory: folder);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    private async Task<bool> ReadyAsync(Uri url)
    {
        using var client = new AmazonDynamoDBClient(Credentials, new AmazonDynamoDBConfig
        {
            ServiceURL = url.ToString(), AuthenticationRegion = Region, MaxErrorRetry = 0, Timeout = TimeSpan.FromSeconds(2),
        });
        try
        {
            await client.ListTablesAsync();
            return true;
        }
        catch (AmazonServiceException)
        {
            return false;
        }
    }

    /// <summary>The folder with DynamoDBLocal.jar, installed by the script when missing.</summary>
    private static async Task<string> InstallAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Aws", "dynamodb-local.sh");
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Installing DynamoDB Local failed ({script}): {await errors}");
        return (await output).Trim().Split('\n')[^1];
    }
}

/// <summary>The tests that share one <see cref="DynamoDbLocal"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DynamoDbLocalCollection : ICollectionFixture<DynamoDbLocal>
{
    public const string Name = "dynamodb-local";
}
