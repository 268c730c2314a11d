using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using BoxOffice.Adapters.Aws;
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
    private Process? _process;
    private readonly System.Text.StringBuilder _output = new();

    public Uri Url { get; private set; } = null!;

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
        var port = FreePort();
        var script = Path.Combine(AppContext.BaseDirectory, "Aws", "moto-server.py");
        var start = new ProcessStartInfo("python3", $"\"{script}\" -H 127.0.0.1 -p {port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 (with moto installed) did not start.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Url = new Uri($"http://127.0.0.1:{port}");
        await WaitUntilAnsweringAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"moto_server exited with {_process.ExitCode}: {Output()}");
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/moto-api/data.json"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"moto_server did not answer on {Url} within {StartTimeout}: {Output()}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length < 20_000) _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The tests that share one <see cref="MotoServer"/> (and a <see cref="DynamoDbLocal"/> for the table); they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>, ICollectionFixture<DynamoDbLocal>
{
    public const string Name = "moto";
}
