using System.Text.Json;
using BoxOffice.Core.Dependencies;
using BoxOffice.Core.Paging;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Serilog;

namespace BoxOffice.Api.Problems;

/// <summary>
/// Turns exceptions into problem details: bad requests the framework detects (malformed JSON, wrong types, wrong
/// content type, oversized body) and forged cursors keep their 4xx; a dependency's transient failure (as the shape's
/// <see cref="ITransientFailures"/> tells, once the adapters' bounded retries are spent) is a 503 with
/// <c>Retry-After</c>; anything else is a 500 without internals. Either way the request's one log line tells why: the
/// detail of a 4xx, the exception of a 5xx (which makes it an error).
/// A value of the wrong type is reported under its field's JSON path, and no framework message is passed on.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IDiagnosticContext requestLog, ITransientFailures transient) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } bad => JsonBodyProblem.For(bad.StatusCode, json, httpContext),
            BadHttpRequestException bad => Refusal(bad, httpContext),
            InvalidCursorException cursor => Plain(StatusCodes.Status400BadRequest, "Invalid cursor", cursor.Message),
            _ when transient.IsTransient(exception) => Plain(StatusCodes.Status503ServiceUnavailable, Problem.BusyTitle, Problem.BusyDetail),
            _ => Plain(StatusCodes.Status500InternalServerError, "Unexpected error", "The server could not complete the request. Quote the request id when reporting it."),
        };
        if (problem.Status >= 500) requestLog.SetException(exception);
        else requestLog.Set("ProblemDetail", problem.Detail);

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) Problem.AddRetryAfter(httpContext.Response);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    private static ProblemDetails Plain(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails Refusal(BadHttpRequestException bad, HttpContext http)
    {
        var (title, detail) = RequestRefusal.Describe(bad, http);
        return Plain(bad.StatusCode, title, detail);
    }
}
