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
/// A value of the wrong type is reported under its field's JSON path, never with our .NET type names.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IDiagnosticContext requestLog, ITransientFailures transient) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } bad => Describe(bad.StatusCode, json),
            BadHttpRequestException bad => Plain(bad.StatusCode, TitleOf(bad.StatusCode), Describe(bad)),
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

    private static ProblemDetails Describe(int status, JsonException json)
    {
        var at = $"line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}";
        // Broken JSON comes from the reader, wrapped; a well-formed value that does not fit is the serializer's own.
        if (json.InnerException is JsonException) return Plain(status, "Bad request", $"The request body is not valid JSON ({at}).");
        if (FieldOf(json.Path) is not { } field)
            return Plain(status, "Bad request", $"The request body is not a JSON object of the shape this operation takes ({at}).");
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = ["Not a valid value for this field."] })
        {
            Status = status,
            Title = "Bad request",
            Detail = $"The value of {field} has the wrong type or is out of range ({at}).",
        };
    }

    /// <summary>"$.quantity" -> "quantity", "$.groups[1]" -> "groups[1]"; null for the body itself.</summary>
    private static string? FieldOf(string? path) => path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;

    private static string Describe(BadHttpRequestException bad) =>
        bad.Message.Contains("no body was provided", StringComparison.Ordinal) ? "The request needs a JSON body." : bad.Message;

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Bad request",
    };
}
