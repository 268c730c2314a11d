using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Jobs;

using static BoxOffice.Api.Tests.Lambda.Support.GatewayAnswers;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>
/// The built Api and Worker started as real processes against a fake Runtime API on loopback, as Lambda runs them,
/// over the local shape's storage in a temporary folder: once as the managed build next to the tests
/// (<see cref="ManagedLambdaProcessTests"/>), once as the Native AOT package (<see cref="NativeAotLambdaProcessTests"/>).
/// </summary>
public abstract class LambdaProcessTests : IAsyncLifetime
{
    protected const string Api = "Api";
    protected const string Worker = "Worker";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "boxoffice-lambda-" + Guid.NewGuid().ToString("N"));
    private readonly List<IAsyncDisposable> _started = [];

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var started in _started) await started.DisposeAsync();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Api_answers_health_and_bad_input_and_logs_json_lines_with_the_request_id()
    {
        var (runtime, process) = await StartAsync(Api);

        const string trace = "Root=1-6759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        var healthEvent = HttpApiEvent.Create("GET", "/health");
        var health = await runtime.InvokeAsync(healthEvent, traceId: trace);
        var token = await TokenAsync(runtime, "lambda-admin", ["admin"]);
        var badRequest = await runtime.InvokeAsync(HttpApiEvent.Create("POST", "/shows", """{"title": "x",""", token));

        Assert.Equal(200, Response(health).GetProperty("statusCode").GetInt32());
        var problem = Response(badRequest);
        Assert.Equal(400, problem.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/problem+json", problem.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal(400, JsonDocument.Parse(problem.GetProperty("body").GetString()!).RootElement.GetProperty("status").GetInt32());

        // An invocation's lines are written once it has been answered: wait for the last one's.
        List<JsonElement> RequestLines() =>
            [.. process.Output.Where(line => line.Contains("responded", StringComparison.Ordinal)).Select(line => JsonDocument.Parse(line).RootElement)];
        await ApiCalls.EventuallyAsync(() => Task.FromResult(RequestLines()),
            found => found.Any(line => line.TryGetProperty("AwsRequestId", out var id) && id.GetString() == badRequest.RequestId), TimeSpan.FromSeconds(10));
        var lines = process.Output.ToArray();
        Assert.DoesNotContain(lines, line => line.Contains('\u001b', StringComparison.Ordinal));
        var requestLines = RequestLines();
        foreach (var outcome in new[] { health, badRequest })
        {
            Assert.Single(requestLines, line => line.TryGetProperty("AwsRequestId", out var id) && id.GetString() == outcome.RequestId);
        }
        Assert.All(requestLines, line => Assert.StartsWith("req-", line.GetProperty("AwsRequestId").GetString()));
        // Compact JSON: @t, @m, @l only when not Information; the route is the template ("/health" group + "/").
        var healthLine = requestLines.Single(line => line.GetProperty("AwsRequestId").GetString() == health.RequestId);
        Assert.StartsWith("HTTP GET /health/ responded 200 in ", healthLine.GetProperty("@m").GetString(), StringComparison.Ordinal);
        Assert.True(healthLine.TryGetProperty("@t", out _));
        Assert.False(healthLine.TryGetProperty("@l", out _));
        Assert.Equal(("/health/", 200), (healthLine.GetProperty("Route").GetString(), healthLine.GetProperty("StatusCode").GetInt32()));
        // API Gateway's request id (no X-Request-Id came) and the invocation's X-Ray trace header, side by side.
        Assert.Equal(JsonDocument.Parse(healthEvent).RootElement.GetProperty("requestContext").GetProperty("requestId").GetString(), healthLine.GetProperty("RequestId").GetString());
        Assert.Equal(trace, healthLine.GetProperty("XRayTraceId").GetString());
        var badRequestLine = requestLines.Single(line => line.GetProperty("AwsRequestId").GetString() == badRequest.RequestId);
        Assert.False(badRequestLine.TryGetProperty("XRayTraceId", out _));
        Assert.True(healthLine.GetProperty("Elapsed").GetDouble() >= 0);
    }

    [Fact]
    public async Task An_order_placed_through_the_api_is_confirmed_by_the_worker_and_a_poison_message_fails_alone()
    {
        var (api, _) = await StartAsync(Api);
        var adminToken = await TokenAsync(api, "lambda-admin", ["admin"]);
        var show = Body(Response(await api.InvokeAsync(HttpApiEvent.Create("POST", "/shows",
            JsonSerializer.Serialize(new { title = "Hamlet", venue = "Globe Theatre", startsAt = DateTimeOffset.UtcNow.AddDays(30), capacity = 50, price = 25m }),
            adminToken))), 201);
        var showId = show.GetProperty("showId").GetString()!;

        var userToken = await TokenAsync(api, "lambda-user", []);
        var placed = Response(await api.InvokeAsync(HttpApiEvent.Create("POST", $"/shows/{showId}/orders", """{"quantity":2}""", userToken,
            new Dictionary<string, string> { ["Idempotency-Key"] = "e2e-order-1" })));
        var order = Body(placed, 202);
        var orderId = order.GetProperty("orderId").GetString()!;
        Assert.Equal("Pending", order.GetProperty("status").GetString());
        Assert.EndsWith(orderId, placed.GetProperty("headers").GetProperty("Location").GetString());

        var (worker, _) = await StartAsync(Worker);
        var batch = SqsBatchFunctionTests.Batch(
            SqsBatchFunctionTests.Job("m-order", JobTypes.OrderPlaced, JsonSerializer.Serialize(new { orderId }), "corr-e2e"),
            SqsBatchFunctionTests.Job("m-poison", "no.such.job", "{}", null),
            SqsBatchFunctionTests.Raw("m-test-event", """{"Service":"Amazon S3","Event":"s3:TestEvent","Bucket":"box-office-files"}"""));
        var answer = await worker.InvokeAsync(batch);

        Assert.False(answer.IsError, answer.Body);
        var failures = JsonDocument.Parse(answer.Body).RootElement.GetProperty("batchItemFailures").EnumerateArray()
            .Select(f => f.GetProperty("itemIdentifier").GetString()!).ToArray();
        Assert.Equal(["m-poison"], failures);

        var confirmed = Body(Response(await api.InvokeAsync(HttpApiEvent.Create("GET", $"/orders/{orderId}", bearerToken: userToken))), 200);
        Assert.Equal("Confirmed", confirmed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Each_function_writes_its_metrics_as_emf_lines_on_stdout_after_each_invocation_the_first_with_a_cold_start()
    {
        var (api, apiProcess) = await StartAsync(Api);
        var adminToken = await TokenAsync(api, "emf-admin", ["admin"]);
        var show = Body(Response(await api.InvokeAsync(HttpApiEvent.Create("POST", "/shows",
            JsonSerializer.Serialize(new { title = "Metrics", venue = "Hall", startsAt = DateTimeOffset.UtcNow.AddDays(3), capacity = 9, price = 5m }), adminToken))), 201);
        var userToken = await TokenAsync(api, "emf-user", []);
        var placed = await api.InvokeAsync(HttpApiEvent.Create("POST", $"/shows/{show.GetProperty("showId").GetString()}/orders", """{"quantity":4}""", userToken),
            traceId: "Root=1-6759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        var orderId = Body(Response(placed), 202).GetProperty("orderId").GetString()!;

        var (worker, workerProcess) = await StartAsync(Worker);
        var handled = await worker.InvokeAsync(SqsBatchFunctionTests.Batch(
            SqsBatchFunctionTests.Job("m-emf", JobTypes.OrderPlaced, JsonSerializer.Serialize(new { orderId }), "corr-emf")));
        Assert.False(handled.IsError, handled.Body);

        var apiMetrics = await EmfLinesAsync(apiProcess, placed.RequestId, "OrdersPlaced");
        var workerMetrics = await EmfLinesAsync(workerProcess, handled.RequestId, "TicketsIssued");

        var apiLines = apiProcess.Output.ToArray();
        Assert.All(apiLines.Concat(workerProcess.Output), line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
        var emfLines = apiLines.Concat(workerProcess.Output).Where(line => line.StartsWith("{\"_aws\":", StringComparison.Ordinal)).ToList();
        Assert.All(emfLines, line => Assert.Empty(Telemetry.EmfSpecification.Problems(line)));
        // The cold start is the first invocation's, once per process, filed by function.
        var coldStarts = emfLines.Select(l => JsonDocument.Parse(l).RootElement).Where(o => o.TryGetProperty("ColdStart", out _)).ToList();
        Assert.Equal(["BoxOffice.Api", "BoxOffice.Worker"], coldStarts.Select(o => o.GetProperty("Function").GetString()).Order());
        Assert.Equal(4, apiMetrics.GetProperty("SeatsSold").GetInt32());
        Assert.Equal("6759e988bd862e3fe1be46a994272793", apiMetrics.GetProperty("TraceId").GetString());
        Assert.Equal(4, workerMetrics.GetProperty("TicketsIssued").GetInt32());
        // The metrics line is not wrapped in a log line: nothing but EMF carries the _aws member.
        Assert.DoesNotContain(apiLines, line => !line.StartsWith("{\"_aws\":", StringComparison.Ordinal) && line.Contains("\"_aws\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_in_is_limited_per_api_gateway_source_ip_not_per_forwarded_for_and_answers_carry_the_security_headers()
    {
        var (api, _) = await StartAsync(Api, new Dictionary<string, string> { ["BoxOffice__RateLimits__SignIn__PermitLimit"] = "2" });
        string Mint(string sourceIp, string? forwardedFor = null) => HttpApiEvent.Create("POST", "/dev/token", """{"username":"ann"}""",
            headers: forwardedFor is null ? null : new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor }, sourceIp: sourceIp);

        var first = Response(await api.InvokeAsync(Mint("198.51.100.7")));
        Body(Response(await api.InvokeAsync(Mint("198.51.100.7"))), 200);
        var spoofed = Response(await api.InvokeAsync(Mint("198.51.100.7", forwardedFor: "192.0.2.99")));
        var other = Response(await api.InvokeAsync(Mint("198.51.100.8")));

        Assert.Equal(200, first.GetProperty("statusCode").GetInt32());
        Assert.Equal("nosniff", first.GetProperty("headers").GetProperty("X-Content-Type-Options").GetString());
        Assert.Equal("no-store", first.GetProperty("headers").GetProperty("Cache-Control").GetString());
        Assert.Equal(429, Body(spoofed, 429).GetProperty("status").GetInt32());
        Assert.Equal("60", spoofed.GetProperty("headers").GetProperty("Retry-After").GetString());
        Assert.Equal(200, other.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Body_limits_hold_in_lambda_for_json_bodies_and_local_uploads()
    {
        var (api, _) = await StartAsync(Api);
        var adminToken = await TokenAsync(api, "limits-admin", ["admin"]);

        // No Content-Length to check up front: the limit itself must stop the body as it is read.
        var huge = JsonSerializer.Serialize(new { title = new string('t', 100_000), venue = "V", startsAt = DateTimeOffset.UtcNow.AddDays(3), capacity = 5, price = 1m });
        var refusedJson = Response(await api.InvokeAsync(HttpApiEvent.Create("POST", "/shows", huge, adminToken,
            new Dictionary<string, string> { ["transfer-encoding"] = "chunked" })));
        var jsonProblem = Body(refusedJson, 413);
        Assert.Equal("The request body is larger than the 65536 bytes this operation accepts.", jsonProblem.GetProperty("detail").GetString());

        var show = Body(Response(await api.InvokeAsync(HttpApiEvent.Create("POST", "/shows",
            JsonSerializer.Serialize(new { title = "Posters", venue = "Hall", startsAt = DateTimeOffset.UtcNow.AddDays(3), capacity = 5, price = 1m }), adminToken))), 201);
        var upload = Body(Response(await api.InvokeAsync(HttpApiEvent.Create("POST", $"/shows/{show.GetProperty("showId").GetString()}/poster",
            """{"contentType":"image/png","contentLength":10}""", adminToken))), 200);
        var target = new Uri(upload.GetProperty("uploadUrl").GetString()!).PathAndQuery;

        // Signed for 10 bytes, declared as 10, but 20 arrive.
        var refusedUpload = Response(await api.InvokeAsync(HttpApiEvent.Create("PUT", target, "01234567890123456789", null,
            new Dictionary<string, string> { ["content-type"] = "image/png", ["content-length"] = "10", ["if-none-match"] = "*" })));
        var uploadProblem = Body(refusedUpload, 413);
        Assert.Equal("The request body is larger than the 10 bytes this operation accepts.", uploadProblem.GetProperty("detail").GetString());
    }

    /// <summary>The EMF object on <paramref name="process"/>'s stdout that the invocation <paramref name="requestId"/> flushed with <paramref name="metric"/>.</summary>
    private static async Task<JsonElement> EmfLinesAsync(LambdaProcess process, string requestId, string metric)
    {
        JsonElement? Find() => process.Output
            .Where(line => line.StartsWith("{\"_aws\":", StringComparison.Ordinal))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .Cast<JsonElement?>()
            .FirstOrDefault(o => o!.Value.GetProperty("AwsRequestId").GetString() == requestId && o.Value.TryGetProperty(metric, out _));
        var found = await ApiCalls.EventuallyAsync(() => Task.FromResult(Find()), o => o is not null, TimeSpan.FromSeconds(10));
        return found!.Value;
    }

    [Theory]
    [InlineData(Api)]
    [InlineData(Worker)]
    public async Task A_failed_start_is_reported_to_init_error(string function)
    {
        var (runtime, process) = await StartAsync(function, new Dictionary<string, string> { ["BoxOffice__Shape"] = "Sideways" });

        var error = await runtime.InitError.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(error.IsError);
        var body = JsonDocument.Parse(error.Body).RootElement;
        Assert.Equal("InvalidOperationException", body.GetProperty("errorType").GetString());
        Assert.Equal("InvalidOperationException", error.ErrorTypeHeader);
        Assert.Contains("Sideways", body.GetProperty("errorMessage").GetString() + string.Join(" ", body.GetProperty("stackTrace").EnumerateArray()));
        Assert.NotEmpty(body.GetProperty("stackTrace").EnumerateArray());
        await process.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.NotEqual(0, process.Process.ExitCode);
        Assert.False(runtime.FirstNext.IsCompleted);
    }

    /// <summary>Starts function <paramref name="function"/> (<see cref="Api"/> or <see cref="Worker"/>) of the build under test.</summary>
    protected abstract Task<LambdaProcess> LaunchAsync(string function, string runtimeApi, IReadOnlyDictionary<string, string> environment);

    protected async Task<(FakeRuntimeApi Runtime, LambdaProcess Process)> StartAsync(string function, Dictionary<string, string>? environment = null)
    {
        var runtime = await FakeRuntimeApi.StartAsync();
        var variables = new Dictionary<string, string>
        {
            ["BoxOffice__Local__DataPath"] = _data,
            ["BoxOffice__Queue__ProcessInApi"] = "false",
            ["AllowedHosts"] = HttpApiEvent.Host, // as the template sets it
        };
        foreach (var (name, value) in environment ?? []) variables[name] = value;
        var process = await LaunchAsync(function, runtime.Address, variables);
        _started.Insert(0, runtime);
        _started.Insert(0, process);
        return (runtime, process);
    }
}
