using System.Text;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>Decides how a response body travels in the JSON answer: as text, or base64 when it is binary.</summary>
internal sealed class ResponseBodyEncoder(ISet<string> binaryContentTypes)
{
    public (string Body, bool IsBase64Encoded) Encode(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return ("", false);
        if (IsBinary(headers) || !Utf8.IsValid(body)) return (Convert.ToBase64String(body), true);
        return (Encoding.UTF8.GetString(body), false);
    }

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
