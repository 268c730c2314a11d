using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BoxOffice.Hosting.Lambda.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>
/// The server side of one bridged request, the way Kestrel's connection object is: request fields filled from the
/// event, a response fully buffered (Lambda answers in one piece), OnStarting/OnCompleted callbacks run in order.
/// </summary>
internal sealed class LambdaHttpFeatures :
    IHttpRequestFeature,
    IHttpResponseFeature,
    IHttpResponseBodyFeature,
    IHttpConnectionFeature,
    IHttpRequestIdentifierFeature,
    IHttpRequestLifetimeFeature,
    IHttpRequestBodyDetectionFeature,
    IItemsFeature,
    IHttpAuthenticationFeature,
    ILambdaContextFeature,
    IDisposable
{
    private readonly ArrayBufferWriter<byte> _body;
    private readonly ResponseBodyStream _bodyStream;
    private readonly CancellationTokenSource _aborted;
    private readonly TimeProvider _time;
    private ResponseBodyPipeWriter? _bodyWriter;
    private Stack<(Func<object, Task> Callback, object State)>? _onStarting;
    private Stack<(Func<object, Task> Callback, object State)>? _onCompleted;
    private object? _lambdaRequest;
    private ReadOnlyMemory<byte> _lambdaRequestJson;
    private JsonTypeInfo? _lambdaRequestType;

    public LambdaHttpFeatures(LambdaContext lambdaContext, ArrayBufferWriter<byte> responseBody, long? maxRequestBodySize, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _aborted = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        LambdaContext = lambdaContext;
        BodyLimit = new RequestBodyLimit(maxRequestBodySize);
        _body = responseBody;
        _bodyStream = new ResponseBodyStream(this, responseBody);
        TraceIdentifier = lambdaContext.AwsRequestId;
        ConnectionId = lambdaContext.AwsRequestId;
        RequestAborted = _aborted.Token;
        if (lambdaContext.TraceId is { Length: > 0 } traceId) Items[LambdaHttpContextExtensions.XRayTraceIdItem] = traceId;
    }

    public LambdaContext LambdaContext { get; }

    /// <summary>The event as its model, read from the JSON only when asked for (the bridge itself reads it without one).</summary>
    public object? LambdaRequest
    {
        get => _lambdaRequest ??= _lambdaRequestType is null ? null : JsonSerializer.Deserialize(_lambdaRequestJson.Span, _lambdaRequestType);
        set => _lambdaRequest = value;
    }

    public void DeferLambdaRequest(ReadOnlyMemory<byte> json, JsonTypeInfo type)
    {
        _lambdaRequestJson = json;
        _lambdaRequestType = type;
    }

    // Request
    public string Protocol { get; set; } = "HTTP/1.1";
    public string Scheme { get; set; } = "https";
    public string Method { get; set; } = HttpMethods.Get;
    public string PathBase { get; set; } = "";
    public string Path { get; set; } = "/";
    public string QueryString { get; set; } = "";
    public string RawTarget { get; set; } = "/";
    public IHeaderDictionary RequestHeaders { get; set; } = new HeaderDictionary();
    public Stream RequestBody { get; set; } = Stream.Null;

    /// <summary>Offered as <see cref="IHttpMaxRequestBodySizeFeature"/>; the body stream enforces it.</summary>
    public RequestBodyLimit BodyLimit { get; }
    public bool CanHaveBody { get; set; }

    IHeaderDictionary IHttpRequestFeature.Headers { get => RequestHeaders; set => RequestHeaders = value; }
    Stream IHttpRequestFeature.Body { get => RequestBody; set => RequestBody = value; }

    // Connection
    public string ConnectionId { get; set; }
    public IPAddress? RemoteIpAddress { get; set; }
    public IPAddress? LocalIpAddress { get; set; }
    public int RemotePort { get; set; }
    public int LocalPort { get; set; } = 443;

    public string TraceIdentifier { get; set; }

    public IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();

    /// <summary>Null (anonymous) unless the claims of an API Gateway authorizer were mapped.</summary>
    public ClaimsPrincipal? User { get; set; }

    // Lifetime
    public CancellationToken RequestAborted { get; set; }

    public void Abort() => _aborted.Cancel();

    // Response
    public int StatusCode { get; set; } = StatusCodes.Status200OK;
    public string? ReasonPhrase { get; set; }
    public IHeaderDictionary ResponseHeaders { get; set; } = new HeaderDictionary();
    public bool HasStarted { get; private set; }

    IHeaderDictionary IHttpResponseFeature.Headers { get => ResponseHeaders; set => ResponseHeaders = value; }

    [Obsolete("Use IHttpResponseBodyFeature.Stream.")]
    Stream IHttpResponseFeature.Body { get => _bodyStream; set => throw new NotSupportedException("Replace the body through IHttpResponseBodyFeature."); }

    public Stream Stream => _bodyStream;

    public PipeWriter Writer => _bodyWriter ??= new ResponseBodyPipeWriter(this, _body);

    /// <summary>The bytes the app wrote.</summary>
    public ReadOnlySpan<byte> ResponseBody => _body.WrittenSpan;

    public void OnStarting(Func<object, Task> callback, object state) => (_onStarting ??= new()).Push((callback, state));

    public void OnCompleted(Func<object, Task> callback, object state) => (_onCompleted ??= new()).Push((callback, state));

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => HasStarted ? Task.CompletedTask : FireOnStartingAsync();

    public Task CompleteAsync() => StartAsync();

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        await using var file = File.OpenRead(path);
        file.Seek(offset, SeekOrigin.Begin);
        var remaining = count ?? file.Length - offset;
        while (remaining > 0)
        {
            var read = await file.ReadAsync(_body.GetMemory((int)Math.Min(remaining, 64 * 1024)), cancellationToken);
            if (read == 0) break;
            _body.Advance(read);
            remaining -= read;
        }
    }

    /// <summary>Cancels <see cref="RequestAborted"/> before Lambda's deadline (see <see cref="DeadlineMargin"/>), so the app can still answer.</summary>
    public void AbortNearDeadline()
    {
        var wait = DeadlineMargin.AbortAfter(LambdaContext.Deadline - _time.GetUtcNow());
        if (wait == TimeSpan.Zero) _aborted.Cancel();
        else _aborted.CancelAfter(wait);
    }

    /// <summary>Replaces whatever the app produced with a 500 problem (the app threw, or its answer cannot be sent).</summary>
    public void ResetToServerError(string? detail = null)
    {
        StatusCode = StatusCodes.Status500InternalServerError;
        ReasonPhrase = null;
        ResponseHeaders = new HeaderDictionary { ["Content-Type"] = "application/problem+json" };
        _body.ResetWrittenCount();
        _body.Write("{\"title\":\"An error occurred while processing your request.\",\"status\":500,"u8);
        if (detail is not null)
        {
            _body.Write("\"detail\":\""u8);
            _body.Write(Encoding.UTF8.GetBytes(JavaScriptEncoder.Default.Encode(detail)));
            _body.Write("\","u8);
        }
        _body.Write("\"traceId\":\""u8);
        _body.Write(Encoding.UTF8.GetBytes(JavaScriptEncoder.Default.Encode(TraceIdentifier)));
        _body.Write("\"}"u8);
    }

    public async Task FireOnCompletedAsync()
    {
        if (_onCompleted is null) return;
        while (_onCompleted.TryPop(out var entry)) await entry.Callback(entry.State);
    }

    public void Dispose() => _aborted.Dispose();

    private async Task FireOnStartingAsync()
    {
        if (_onStarting is not null)
        {
            while (_onStarting.TryPop(out var entry)) await entry.Callback(entry.State);
        }
        HasStarted = true;
    }
}
