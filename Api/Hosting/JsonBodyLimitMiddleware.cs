using BoxOffice.Api.Problems;

namespace BoxOffice.Api.Hosting;

/// <summary>
/// Caps JSON request bodies at <see cref="ApiHostingExtensions.JsonBodyLimit"/>: a declared length over it is
/// refused with 413 up front, and the server limit catches chunked bodies (file uploads set their own limit).
/// </summary>
public sealed class JsonBodyLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.HasJsonContentType())
        {
            if (context.Request.ContentLength > ApiHostingExtensions.JsonBodyLimit)
                return Problem.Of(StatusCodes.Status413PayloadTooLarge, "Request body too large",
                    $"The request body is larger than the {ApiHostingExtensions.JsonBodyLimit} bytes this operation accepts.").ExecuteAsync(context);
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = ApiHostingExtensions.JsonBodyLimit;
        }
        return next(context);
    }
}
