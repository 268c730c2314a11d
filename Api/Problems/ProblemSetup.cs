using System.Text.Json;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace BoxOffice.Api.Problems;

public static class ProblemSetup
{
    /// <summary>
    /// RFC 9457 problem details for every error response, with the request id in each; field errors are keyed by
    /// the fields' JSON names.
    /// </summary>
    public static IServiceCollection AddBoxOfficeProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            problem.Extensions["requestId"] = ctx.HttpContext.TraceIdentifier;
            problem.Instance ??= ctx.HttpContext.Request.Path;
            if (problem is HttpValidationProblemDetails validation)
            {
                validation.Errors = ValidationErrorKeys.ToJsonNames(validation.Errors, NamingPolicy(ctx.HttpContext));
            }
            else if (problem is { Status: StatusCodes.Status400BadRequest, Detail: null } && ctx.Exception is null
                     && UnparsedParameters.Of(ctx.HttpContext) is { Count: > 0 } unparsed)
            {
                var errors = ValidationErrorKeys.ToJsonNames(unparsed, NamingPolicy(ctx.HttpContext));
                problem.Title = "Bad request";
                problem.Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {char.ToLowerInvariant(e.Value[0][0])}{e.Value[0][1..]}"));
                problem.Extensions["errors"] = errors;
            }
            else if (problem is { Status: { } status, Detail: null } && ctx.Exception is null && RequestRefusal.Covers(status))
            {
                // A bare status the framework set while reading the request (a body cut short, too large, too slow).
                (problem.Title, problem.Detail) = RequestRefusal.Describe(status, ctx.HttpContext);
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    private static JsonNamingPolicy? NamingPolicy(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions.PropertyNamingPolicy;
}
