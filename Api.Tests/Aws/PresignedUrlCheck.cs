using System.Globalization;
using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// Checks query-signed (presigned) requests the way S3 does before passing them on: the signature is recomputed over
/// the request as actually sent (its method, path, query and the values of every signed header) and the URL must not
/// have expired; otherwise the answer is 403. moto accepts any presigned URL, so this stands in front of it.
/// </summary>
public sealed class PresignedUrlCheck(AWSCredentials credentials) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var query = ParseQuery(uri.Query);
        if (!query.TryGetValue("X-Amz-Signature", out var signature)) return await base.SendAsync(request, cancellationToken);

        var signedAt = DateTime.ParseExact(query["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        if (DateTime.UtcNow > signedAt.AddSeconds(int.Parse(query["X-Amz-Expires"], CultureInfo.InvariantCulture)))
            return Refuse("AccessDenied", "Request has expired");

        var signedHeaders = query["X-Amz-SignedHeaders"];
        var canonical = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(uri.AbsolutePath).Append('\n')
            .Append(string.Join('&', query.Where(p => p.Key != "X-Amz-Signature")
                .Select(p => (Name: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => $"{p.Name}={p.Value}"))).Append('\n');
        foreach (var name in signedHeaders.Split(';'))
        {
            if (SentValue(request, name) is not { } value) return Refuse("AccessDenied", $"signed header {name} was not sent");
            canonical.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }
        canonical.Append('\n').Append(signedHeaders).Append('\n').Append("UNSIGNED-PAYLOAD");

        var region = query["X-Amz-Credential"].Split('/')[2];
        var expected = AWS4Signer.ComputeSignature(await credentials.GetCredentialsAsync(), region, signedAt, "s3", signedHeaders, canonical.ToString());
        return expected.Signature == signature
            ? await base.SendAsync(request, cancellationToken)
            : Refuse("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }

    private static string? SentValue(HttpRequestMessage request, string name) => name switch
    {
        "host" => request.RequestUri!.IsDefaultPort ? request.RequestUri.Host : request.RequestUri.Authority,
        "content-length" => (request.Content?.Headers.ContentLength ?? 0).ToString(CultureInfo.InvariantCulture),
        "content-type" => request.Content?.Headers.ContentType?.ToString(),
        _ when request.Headers.TryGetValues(name, out var values) => string.Join(',', values),
        _ when request.Content?.Headers.TryGetValues(name, out var values) == true => string.Join(',', values),
        _ => null,
    };

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));

    private static HttpResponseMessage Refuse(string code, string message) => new(HttpStatusCode.Forbidden)
    {
        Content = new StringContent($"<Error><Code>{code}</Code><Message>{message}</Message></Error>", Encoding.UTF8, "application/xml"),
    };
}
