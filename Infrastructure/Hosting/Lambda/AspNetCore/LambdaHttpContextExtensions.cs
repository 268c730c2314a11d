using BoxOffice.Hosting.Lambda.Runtime;
using Microsoft.AspNetCore.Http;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

public static class LambdaHttpContextExtensions
{
    /// <summary>
    /// The <see cref="HttpContext.Items"/> key of the invocation's X-Ray trace header, for code that does not reference
    /// this assembly. (The official bridge makes it the <c>TraceIdentifier</c>; ours stays API Gateway's request id.)
    /// </summary>
    public const string XRayTraceIdItem = "Lambda.XRayTraceId";

    /// <summary>The Lambda invocation of this request; null when the app runs on Kestrel.</summary>
    public static LambdaContext? GetLambdaContext(this HttpContext context) =>
        context.Features.Get<ILambdaContextFeature>()?.LambdaContext;

    /// <summary>
    /// The invocation's X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>, also in <c>_X_AMZN_TRACE_ID</c>:
    /// <c>Root=1-...;Parent=...;Sampled=...</c>); null on Kestrel or when Lambda sent none.
    /// </summary>
    public static string? GetXRayTraceId(this HttpContext context) => context.GetLambdaContext()?.TraceId;
}
