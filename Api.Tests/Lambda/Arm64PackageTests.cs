using System.IO.Compression;
using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Core.Jobs;

using static BoxOffice.Api.Tests.Lambda.Support.GatewayAnswers;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>
/// The arm64 (Graviton) packages, as scripts/package-lambda.sh --arch arm64 zips them, unzipped and their
/// <c>bootstrap</c> run under qemu against the fake Runtime API on loopback, over the local shape's storage.
/// Correctness only: emulated timings mean nothing.
/// </summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class Arm64PackageTests(Arm64Packages packages) : IClassFixture<Arm64Packages>, IAsyncLifetime
{
    private const ushort AArch64 = 183; // ELF e_machine
    private static readonly TimeSpan Emulated = TimeSpan.FromMinutes(2);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "boxoffice-arm64-data-" + Guid.NewGuid().ToString("N"));
    private readonly List<IAsyncDisposable> _started = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var started in _started) await started.DisposeAsync();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("Worker")]
    public void Each_package_holds_an_executable_bootstrap_and_an_arm64_executable(string function)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Folder, function + ".zip"));
        var bootstrap = zip.GetEntry("bootstrap")!;
        var executable = zip.GetEntry("BoxOffice." + function)!;

        Assert.True(IsExecutable(bootstrap) && IsExecutable(executable), "bootstrap and the app must keep their execute bits in the zip");
        using var reader = new BinaryReader(executable.Open());
        var header = reader.ReadBytes(20);
        Assert.Equal("\u007fELF"u8.ToArray(), header[..4]);
        Assert.Equal(AArch64, BitConverter.ToUInt16(header, 18));
    }

    [Fact]
    public async Task The_api_answers_health_and_a_problem_for_bad_input()
    {
        var api = await StartAsync("Api");

        var health = await api.InvokeAsync(HttpApiEvent.Create("GET", "/health"), wait: Emulated);
        var token = await TokenAsync(api, "arm64-admin", ["admin"], Emulated);
        var badRequest = await api.InvokeAsync(HttpApiEvent.Create("POST", "/shows", """{"title": "x",""", token), wait: Emulated);

        Assert.Equal(200, Response(health).GetProperty("statusCode").GetInt32());
        var problem = Response(badRequest);
        Assert.Equal(400, problem.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/problem+json", problem.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal(400, JsonDocument.Parse(problem.GetProperty("body").GetString()!).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_worker_answers_a_one_record_batch_by_confirming_the_order_the_api_placed()
    {
        var api = await StartAsync("Api");
        var adminToken = await TokenAsync(api, "arm64-admin", ["admin"], Emulated);
        var show = Body(Response(await api.InvokeAsync(HttpApiEvent.Create("POST", "/shows",
            JsonSerializer.Serialize(new { title = "Graviton", venue = "Hall", startsAt = DateTimeOffset.UtcNow.AddDays(9), capacity = 5, price = 7m }),
            adminToken), wait: Emulated)), 201);
        var userToken = await TokenAsync(api, "arm64-user", [], Emulated);
        var order = Body(Response(await api.InvokeAsync(HttpApiEvent.Create("POST", $"/shows/{show.GetProperty("showId").GetString()}/orders",
            """{"quantity":1}""", userToken), wait: Emulated)), 202);
        var orderId = order.GetProperty("orderId").GetString()!;

        var worker = await StartAsync("Worker");
        var answer = await worker.InvokeAsync(SqsBatchFunctionTests.Batch(
            SqsBatchFunctionTests.Job("m-arm64", JobTypes.OrderPlaced, JsonSerializer.Serialize(new { orderId }), "corr-arm64")), wait: Emulated);

        Assert.False(answer.IsError, answer.Body);
        Assert.Empty(JsonDocument.Parse(answer.Body).RootElement.GetProperty("batchItemFailures").EnumerateArray());
        var confirmed = Body(Response(await api.InvokeAsync(HttpApiEvent.Create("GET", $"/orders/{orderId}", bearerToken: userToken), wait: Emulated)), 200);
        Assert.Equal("Confirmed", confirmed.GetProperty("status").GetString());
    }

    private static bool IsExecutable(ZipArchiveEntry entry) => ((entry.ExternalAttributes >> 16) & 0b001_001_001) != 0;

    private async Task<FakeRuntimeApi> StartAsync(string function)
    {
        var runtime = await FakeRuntimeApi.StartAsync();
        var process = LambdaProcess.StartBootstrap(packages.Unpack(function), "BoxOffice." + function, runtime.Address, new Dictionary<string, string>
        {
            ["BoxOffice__Local__DataPath"] = _data,
            ["BoxOffice__Queue__ProcessInApi"] = "false",
            ["AllowedHosts"] = HttpApiEvent.Host,
        });
        _started.Insert(0, runtime);
        _started.Insert(0, process);
        var first = await Task.WhenAny(runtime.FirstNext, process.Process.WaitForExitAsync(), Task.Delay(Emulated));
        Assert.True(first == runtime.FirstNext, $"BoxOffice.{function} under qemu never asked for an event:\n{string.Join('\n', process.Output)}");
        return runtime;
    }
}
