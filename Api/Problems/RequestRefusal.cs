using System.Globalization;
using BoxOffice.Api.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace BoxOffice.Api.Problems;

/// <summary>
/// Titles and details for refusals of a request as a whole (its body missing, unreadable, too large, too slow or of
/// the wrong type; its target or headers too large), whether they reach us as an exception or as a bare status
/// code. The framework's own messages are never passed on: they name our types and hint at its internals.
/// </summary>
public static class RequestRefusal
{
    /// <summary>The statuses described here; others keep their own wording.</summary>
    public static bool Covers(int status) => status is StatusCodes.Status400BadRequest or StatusCodes.Status408RequestTimeout
        or StatusCodes.Status413PayloadTooLarge or StatusCodes.Status414UriTooLong or StatusCodes.Status415UnsupportedMediaType
        or StatusCodes.Status431RequestHeaderFieldsTooLarge;

    /// <summary>A refusal the framework threw: its message is only read to tell an absent (or null) body apart.</summary>
    public static (string Title, string Detail) Describe(BadHttpRequestException bad, HttpContext http) =>
        bad.StatusCode == StatusCodes.Status400BadRequest && bad.Message.Contains("no body was provided", StringComparison.Ordinal)
            ? ("Bad request", HasBody(http.Request) ? "The request body must be a JSON object, not null." : "The request needs a JSON body.")
            : Describe(bad.StatusCode, http);

    public static (string Title, string Detail) Describe(int status, HttpContext http) => status switch
    {
        StatusCodes.Status408RequestTimeout => ("Request timeout", "The request body did not arrive in time."),
        StatusCodes.Status413PayloadTooLarge => ("Request body too large",
            http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
                ? $"The request body is larger than the {limit.ToString(CultureInfo.InvariantCulture)} bytes this operation accepts."
                : "The request body is larger than this operation accepts."),
        StatusCodes.Status414UriTooLong => ("Request target too long", $"The path and query are longer than {RequestLimits.MaxTargetBytes} bytes."),
        StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "This operation takes a JSON body: send it with Content-Type: application/json."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ("Request headers too large",
            $"The request has more than {RequestLimits.MaxHeaderCount} header fields or more than {RequestLimits.MaxHeaderBytes} bytes of them."),
        _ when TakesBody(http) && !HasBody(http.Request) => ("Bad request", "The request needs a JSON body."),
        _ => ("Bad request", "The request could not be read: its body is malformed or shorter than its Content-Length."),
    };

    private static bool TakesBody(HttpContext http) => FailedEndpoint.Of(http)?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null };

    private static bool HasBody(HttpRequest request) => request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
}
