using BoxOffice.Core.Jobs;
using Serilog.Context;

namespace BoxOffice.Api.Logging;

/// <summary>
/// The request id: the caller's <c>X-Request-Id</c> when it is sane, else the host's trace identifier (API Gateway's
/// request id inside Lambda). It is echoed back, put on every log line of the request and carried into sent jobs.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Request-Id";
    public const string PropertyName = "RequestId";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = context.Request.Headers[Header].ToString();
        if (!IsSane(requestId)) requestId = context.TraceIdentifier;
        context.TraceIdentifier = requestId;
        context.Response.Headers[Header] = requestId;
        CorrelationContext.Current = requestId;
        using (LogContext.PushProperty(PropertyName, requestId))
        {
            await next(context);
        }
    }

    private static bool IsSane(string requestId) =>
        requestId.Length is > 0 and <= MaxLength
        && requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
