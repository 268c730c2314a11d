using BoxOffice.Hosting.Lambda.Runtime;
using Microsoft.AspNetCore.Http;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

public static class LambdaHttpContextExtensions
{
    /// <summary>The Lambda invocation of this request; null when the app runs on Kestrel.</summary>
    public static LambdaContext? GetLambdaContext(this HttpContext context) =>
        context.Features.Get<ILambdaContextFeature>()?.LambdaContext;
}
