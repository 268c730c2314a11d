using BoxOffice.Api.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace BoxOffice.Api.Hosting;

/// <summary>Refuses a request over <see cref="RequestLimits"/> with a 414 or 431 problem, before anything reads it.</summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (TargetLength(context) > RequestLimits.MaxTargetBytes) return RefuseAsync(context, StatusCodes.Status414UriTooLong);
        var (fields, bytes) = Measure(context.Request.Headers);
        if (fields > RequestLimits.MaxHeaderCount || bytes > RequestLimits.MaxHeaderBytes)
            return RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge);
        return next(context);
    }

    /// <summary>The target as sent, or as decoded where the server keeps no raw one.</summary>
    private static int TargetLength(HttpContext context)
    {
        var request = context.Request;
        var decoded = (request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0);
        return Math.Max(context.Features.Get<IHttpRequestFeature>()?.RawTarget?.Length ?? 0, decoded);
    }

    /// <summary>Header lines and their size as on the wire: "name: value" and CRLF for each value.</summary>
    private static (int Fields, long Bytes) Measure(IHeaderDictionary headers)
    {
        var (fields, bytes) = (0, 0L);
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                fields++;
                bytes += name.Length + 2 + (value?.Length ?? 0) + 2;
            }
        }
        return (fields, bytes);
    }

    private static Task RefuseAsync(HttpContext context, int status)
    {
        var (title, detail) = RequestRefusal.Describe(status, context);
        return Problem.Of(status, title, detail).ExecuteAsync(context);
    }
}
