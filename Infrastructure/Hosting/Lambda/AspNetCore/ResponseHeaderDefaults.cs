using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>What a server adds to a response's headers before it goes out, as Kestrel does.</summary>
internal static class ResponseHeaderDefaults
{
    /// <summary>
    /// A response that may have a body but has none gets <c>Content-Length: 0</c>, so the client knows it ended; never
    /// on 1xx, 204 or 304 (RFC 9110 forbids it there), on a HEAD (the length is the GET's), or next to a
    /// <c>Transfer-Encoding</c>.
    /// </summary>
    public static void Apply(LambdaHttpFeatures features)
    {
        var headers = features.ResponseHeaders;
        if (!features.ResponseBody.IsEmpty || headers.ContentLength is not null || headers.ContainsKey(HeaderNames.TransferEncoding)) return;
        if (features.StatusCode is < 200 or StatusCodes.Status204NoContent or StatusCodes.Status304NotModified) return;
        if (HttpMethods.IsHead(features.Method)) return;
        headers.ContentLength = 0;
    }
}
