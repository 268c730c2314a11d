using BoxOffice.Core.Dependencies;
using BoxOffice.Core.Paging;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;

namespace BoxOffice.Api.Problems;

/// <summary>
/// Turns exceptions into problem details: bad requests the framework detects (malformed JSON, wrong types, wrong
/// content type, oversized body) and forged cursors keep their 4xx; a dependency's transient failure (as the shape's
/// <see cref="ITransientFailures"/> tells, once the adapters' bounded retries are spent) is a 503 with
/// <c>Retry-After</c>; anything else is a 500 without internals. Either way the request's one log line tells why: the
/// detail of a 4xx, the exception of a 5xx (which makes it an error).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IDiagnosticContext requestLog, ITransientFailures transient) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, TitleOf(bad.StatusCode), Describe(bad)),
            InvalidCursorException cursor => (StatusCodes.Status400BadRequest, "Invalid cursor", cursor.Message),
            _ when transient.IsTransient(exception) => (StatusCodes.Status503ServiceUnavailable, Problem.BusyTitle, Problem.BusyDetail),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The server could not complete the request. Quote the request id when reporting it."),
        };
        if (status >= 500) requestLog.SetException(exception);
        else requestLog.Set("ProblemDetail", detail);

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable) Problem.AddRetryAfter(httpContext.Response);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not valid JSON for this operation: {json.Message}"
            : bad.Message;

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Bad request",
    };
}
