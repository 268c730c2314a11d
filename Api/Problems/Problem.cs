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
}
