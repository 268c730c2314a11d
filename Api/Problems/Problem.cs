using Microsoft.AspNetCore.Http.HttpResults;

namespace BoxOffice.Api.Problems;

/// <summary>The problem answers endpoints give, with titles clients can rely on.</summary>
public static class Problem
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"{what} was not found.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);

    public static ProblemHttpResult Of(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    /// <summary>Seconds a client should wait before retrying a 503.</summary>
    public const int RetryAfterSeconds = 2;

    public const string BusyTitle = "Service busy";

    public const string BusyDetail = "A service Box office depends on is busy or briefly unavailable, and retrying did not get through. Retry after the time in Retry-After.";

    /// <summary>503 with <c>Retry-After</c>: nothing was done, the same request may be sent again.</summary>
    public static ProblemHttpResult Unavailable(HttpResponse response, string detail)
    {
        AddRetryAfter(response);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Try again");
    }

    public static void AddRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
