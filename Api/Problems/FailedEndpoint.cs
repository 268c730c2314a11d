using Microsoft.AspNetCore.Diagnostics;

namespace BoxOffice.Api.Problems;

/// <summary>The endpoint a failed request was for: the exception handler clears it from the context, but keeps it.</summary>
public static class FailedEndpoint
{
    public static Endpoint? Of(HttpContext http) => http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
}
