using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>Decides how a response body travels in the JSON answer: as text, or base64 when it is binary.</summary>
internal sealed class ResponseBodyEncoder(ISet<string> binaryContentTypes)
{
    /// <summary>True when <paramref name="body"/> must go as base64; otherwise it is valid UTF-8 text.</summary>
    public bool IsBase64(IHeaderDictionary headers, ReadOnlySpan<byte> body) =>
        !body.IsEmpty && (IsBinary(headers) || !Utf8.IsValid(body));

    private bool IsBinary(IHeaderDictionary headers)
    {
        var encoding = headers.ContentEncoding;
        if (!StringValues.IsNullOrEmpty(encoding) && !string.Equals(encoding.ToString(), "identity", StringComparison.OrdinalIgnoreCase))
            return true;

        var contentType = headers.ContentType.ToString();
        if (contentType.Length == 0) return false;
        var mediaType = contentType.AsSpan();
        var parameters = mediaType.IndexOf(';');
        if (parameters >= 0) mediaType = mediaType[..parameters];
        mediaType = mediaType.Trim();
        var slash = mediaType.IndexOf('/');
        if (slash <= 0) return false;
        var media = mediaType.ToString();
        return binaryContentTypes.Contains(media) || binaryContentTypes.Contains(string.Concat(mediaType[..slash], "/*"));
    }
}
