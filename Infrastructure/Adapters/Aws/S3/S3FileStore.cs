using System.Globalization;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using BoxOffice.Core.Files;

namespace BoxOffice.Adapters.Aws.S3;

/// <summary>
/// Files in a private S3 bucket. Uploads go straight to S3 through a presigned PUT whose signature covers the
/// content type, the exact length, the encryption header and <c>If-None-Match: *</c> (a conditional write: S3 answers
/// 412 to a second PUT while the object exists); downloads through a presigned GET that makes the answer an
/// attachment. Every write asks for server-side encryption (SSE-S3).
/// </summary>
internal sealed class S3FileStore(IAmazonS3 s3, string bucket, TimeProvider clock) : IFileStore
{
    private const string CreateOnlyHeader = "If-None-Match";
    private static readonly ServerSideEncryptionMethod Encryption = ServerSideEncryptionMethod.AES256;

    public async Task<PresignedUpload> CreateUploadAsync(string key, string contentType, long contentLength, TimeSpan lifetime, CancellationToken ct)
    {
        var expires = clock.GetUtcNow() + lifetime;
        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            Expires = expires.UtcDateTime,
            Protocol = Scheme(),
            ContentType = contentType,
            ServerSideEncryptionMethod = Encryption,
        };
        // A signed Content-Length makes S3 refuse a body of any other size.
        request.Headers.ContentLength = contentLength;
        // Signed too, so the URL cannot be replayed over an object it stored.
        request.Headers[CreateOnlyHeader] = "*";
        var url = await s3.GetPreSignedURLAsync(request);
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = contentType,
            ["Content-Length"] = contentLength.ToString(CultureInfo.InvariantCulture),
            ["x-amz-server-side-encryption"] = Encryption.Value,
            [CreateOnlyHeader] = "*",
        };
        return new PresignedUpload(new Uri(url), "PUT", headers, expires);
    }

    public async Task<Uri> CreateDownloadUrlAsync(string key, TimeSpan lifetime, CancellationToken ct)
    {
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = (clock.GetUtcNow() + lifetime).UtcDateTime,
            Protocol = Scheme(),
            // S3 takes only a few response-* overrides (no nosniff, no CSP: docs/deploy.md says where those come from).
            ResponseHeaderOverrides = new ResponseHeaderOverrides { ContentDisposition = Attachment(key) },
        });
        return new Uri(url);
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken ct)
    {
        // The SDK needs the length up front; buffer streams that cannot tell it.
        Stream body = content;
        if (!content.CanSeek)
        {
            var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            body = buffer;
        }
        await using (body == content ? null : body)
        {
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = key,
                InputStream = body,
                AutoCloseStream = false,
                ContentType = contentType,
                ServerSideEncryptionMethod = Encryption,
            }, ct);
        }
    }

    public async Task<StoredFile?> OpenAsync(string key, CancellationToken ct)
    {
        try
        {
            var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, ct);
            return new StoredFile(response.ResponseStream, response.Headers.ContentType ?? "application/octet-stream", response.ContentLength);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct) =>
        s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, ct);

    private static string Attachment(string key) =>
        $"attachment; filename=\"{Path.GetFileName(key).Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal)}\"";

    private Protocol Scheme() =>
        s3.Config.ServiceURL is { } url && url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS;
}
