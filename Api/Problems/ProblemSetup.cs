namespace BoxOffice.Api.Problems;

public static class ProblemSetup
{
    /// <summary>RFC 9457 problem details for every error response, with the request id in each.</summary>
    public static IServiceCollection AddBoxOfficeProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["requestId"] = ctx.HttpContext.TraceIdentifier;
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}
