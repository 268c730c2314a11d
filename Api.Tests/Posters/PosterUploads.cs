using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Posters;

/// <summary>Asking for a poster upload and sending it as a client would: to the URL, with the headers it came with.</summary>
internal static class PosterUploads
{
    public static async Task<JsonElement> RequestAsync(HttpClient admin, string showId, string contentType, long contentLength) =>
        await (await admin.PostAsJsonAsync($"/shows/{showId}/poster", new { contentType, contentLength })).ReadAsync(HttpStatusCode.OK);

    /// <summary>
    /// The PUT of <paramref name="bytes"/> with every header the upload lists (the length comes from the body) but
    /// <paramref name="without"/>; to the path only when <paramref name="relative"/> (a TestServer client).
    /// </summary>
    public static HttpRequestMessage Put(JsonElement upload, byte[] bytes, bool relative = false, string? without = null)
    {
        var url = new Uri(upload.Str("uploadUrl"));
        var request = new HttpRequestMessage(new HttpMethod(upload.Str("method")), relative ? url.PathAndQuery : url.ToString())
        {
            Content = new ByteArrayContent(bytes),
        };
        foreach (var header in upload.GetProperty("headers").EnumerateObject())
        {
            if (header.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (header.Name.Equals(without, StringComparison.OrdinalIgnoreCase)) continue;
            if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString()))
                request.Content.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
        }
        return request;
    }
}
