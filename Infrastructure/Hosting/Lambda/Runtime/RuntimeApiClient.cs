using System.Globalization;
using System.Text.Json;

namespace BoxOffice.Hosting.Lambda.Runtime;

/// <summary>
/// Client of the Lambda Runtime API (version 2018-06-01). Invocations are handled one at a time, so a single
/// kept-alive HTTP/1.1 connection carries every call (<see cref="RuntimeApiConnection"/>), and each call blocks the
/// runtime loop's own thread until it is answered; nothing else is contacted.
/// </summary>
internal sealed class RuntimeApiClient(string runtimeApi, TimeSpan? timeout = null) : IDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";
    private const string Json = "application/json";
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private readonly RuntimeApiConnection _connection = new(runtimeApi, timeout);

    /// <summary>Waits for the next event (long poll).</summary>
    public LambdaInvocation Next(CancellationToken ct)
    {
        var response = Call("GET", "invocation/next", default, null, ct);
        var requestId = response.Header("Lambda-Runtime-Aws-Request-Id")
            ?? throw new InvalidOperationException("The Runtime API sent an event without Lambda-Runtime-Aws-Request-Id.");
        var deadline = long.TryParse(response.Header("Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.UtcNow.AddMinutes(15);
        var context = new LambdaContext(
            requestId,
            deadline,
            response.Header("Lambda-Runtime-Invoked-Function-Arn") ?? "",
            response.Header("Lambda-Runtime-Trace-Id"),
            response.Header("Lambda-Runtime-Client-Context"),
            response.Header("Lambda-Runtime-Cognito-Identity"));
        return new LambdaInvocation(context, response.Body);
    }

    public void PostResponse(string requestId, ReadOnlySpan<byte> response, CancellationToken ct) =>
        Call("POST", $"invocation/{Uri.EscapeDataString(requestId)}/response", response, null, ct);

    public void PostError(string requestId, RuntimeError error, CancellationToken ct) =>
        Call("POST", $"invocation/{Uri.EscapeDataString(requestId)}/error", ErrorBody(error), error.ErrorType, ct);

    /// <summary>Reports that the function could not start; Lambda then fails the pending invocation with it.</summary>
    public void PostInitError(RuntimeError error, CancellationToken ct) =>
        Call("POST", "init/error", ErrorBody(error), error.ErrorType, ct);

    public void Dispose() => _connection.Dispose();

    private RuntimeApiResponse Call(string method, string path, ReadOnlySpan<byte> body, string? errorType, CancellationToken ct)
    {
        var response = _connection.Send(method, Prefix + path, body, method == "GET" ? null : Json,
            errorType is null ? null : [(ErrorTypeHeader, errorType)], ct);
        if (!response.IsSuccess)
            throw new HttpRequestException($"The Runtime API answered {response.Status} to '{path}'.", null, (System.Net.HttpStatusCode)response.Status);
        return response;
    }

    private static byte[] ErrorBody(RuntimeError error) => JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJsonContext.Default.RuntimeError);
}
