using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using BoxOffice.Hosting.Lambda.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>
/// Runs one API Gateway event through the ASP.NET Core pipeline, as Kestrel runs a request: create the context,
/// process, 500 if the app threw, fire OnStarting, answer, fire OnCompleted, dispose the context.
/// </summary>
public sealed partial class ApiGatewayBridge<TContext> : ILambdaHandler where TContext : notnull
{
    /// <summary>Lambda's limit on a synchronous invocation's response: 6 MB, counted as the Runtime API does.</summary>
    public const int MaxResponseBytes = 6_291_556;

    private const int KeptBufferBytes = 1024 * 1024;
    private readonly IHttpApplication<TContext> _application;
    private readonly ApiGatewayTranslator _translator;
    private readonly ILogger _logger;
    private readonly long? _maxRequestBodySize;
    private readonly TimeProvider _time;
    private ArrayBufferWriter<byte> _body = new(16 * 1024);
    private ArrayBufferWriter<byte> _output = new(16 * 1024);

    public ApiGatewayBridge(IHttpApplication<TContext> application, LambdaHostingOptions options, ILogger logger, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _application = application;
        _translator = ApiGatewayTranslator.For(options);
        _logger = logger;
        _maxRequestBodySize = options.MaxRequestBodySize;
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "As in Kestrel, an exception of the app becomes a 500 and a failed OnCompleted callback is logged: the invocation still answers.")]
    public async ValueTask<ReadOnlyMemory<byte>> HandleAsync(LambdaInvocation invocation, CancellationToken ct)
    {
        // Invocations run one at a time and the answer is posted before the next: the buffers are reused.
        if (_body.Capacity > KeptBufferBytes) _body = new ArrayBufferWriter<byte>(16 * 1024);
        if (_output.Capacity > KeptBufferBytes) _output = new ArrayBufferWriter<byte>(16 * 1024);
        _body.ResetWrittenCount();
        _output.ResetWrittenCount();

        using var features = new LambdaHttpFeatures(invocation.Context, _body, _maxRequestBodySize, _time);
        _translator.ReadRequest(invocation.Event, features);
        features.AbortNearDeadline();

        var context = _application.CreateContext(Collect(features));
        Exception? error = null;
        try
        {
            await _application.ProcessRequestAsync(context);
            await features.CompleteAsync();
        }
        catch (Exception ex)
        {
            error = ex;
            Log.RequestFailed(_logger, ex, features.Method, features.Path);
            features.ResetToServerError();
        }

        _translator.WriteResponse(features, _output);
        if (_output.WrittenCount > MaxResponseBytes)
        {
            // The Runtime API would refuse it and the caller would see API Gateway's bare 502: answer a problem instead.
            Log.ResponseTooLarge(_logger, features.Method, features.Path, features.StatusCode, _output.WrittenCount, MaxResponseBytes);
            features.ResetToServerError($"The response is too large for AWS Lambda: {_output.WrittenCount} bytes, of at most {MaxResponseBytes}.");
            _output.ResetWrittenCount();
            _translator.WriteResponse(features, _output);
        }
        try
        {
            await features.FireOnCompletedAsync();
        }
        catch (Exception ex)
        {
            Log.OnCompletedFailed(_logger, ex, features.Method, features.Path);
        }
        _application.DisposeContext(context, error);
        return _output.WrittenMemory;
    }

    private static FeatureCollection Collect(LambdaHttpFeatures features)
    {
        var collection = new FeatureCollection(12);
        collection.Set<IHttpRequestFeature>(features);
        collection.Set<IHttpResponseFeature>(features);
        collection.Set<IHttpResponseBodyFeature>(features);
        collection.Set<IHttpConnectionFeature>(features);
        collection.Set<IHttpRequestIdentifierFeature>(features);
        collection.Set<IHttpRequestLifetimeFeature>(features);
        collection.Set<IHttpRequestBodyDetectionFeature>(features);
        collection.Set<IHttpMaxRequestBodySizeFeature>(features.BodyLimit);
        collection.Set<IItemsFeature>(features);
        collection.Set<IHttpAuthenticationFeature>(features);
        collection.Set<ILambdaContextFeature>(features);
        return collection;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while processing {Method} {Path}")]
        public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

        [LoggerMessage(Level = LogLevel.Error, Message = "The {StatusCode} response to {Method} {Path} is {Bytes} bytes as Lambda's answer, over its limit of {Limit} bytes: answered 500 instead")]
        public static partial void ResponseTooLarge(ILogger logger, string method, string path, int statusCode, int bytes, int limit);

        [LoggerMessage(Level = LogLevel.Error, Message = "An OnCompleted callback of {Method} {Path} failed")]
        public static partial void OnCompletedFailed(ILogger logger, Exception exception, string method, string path);
    }
}
