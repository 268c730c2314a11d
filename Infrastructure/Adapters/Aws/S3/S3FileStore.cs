using System.Globalization;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using BoxOffice.Core.Files;

namespace BoxOffice.Adapters.Aws.S3;

/// <summary>
/// Files in a private S3 bucket. Uploads go straight to S3 through a presigned PUT whose signature covers the
/// content type, the exact length, the encryption header and the upload's pending tag (<see cref="UploadLifecycle"/>);
/// downloads through a presigned GET. Every write asks for server-side encryption (SSE-S3).
/// </summary>
internal sealed class S3FileStore(IAmazonS3 s3, string bucket, TimeProvider clock) : IFileStore
{
    private const string TaggingHeader = "x-amz-tagging";
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
        // Signed too, so every upload starts out pending and expires unless kept.
        request.Headers[TaggingHeader] = UploadLifecycle.PendingTagging;
        var url = await s3.GetPreSignedURLAsync(request);
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = contentType,
            ["Content-Length"] = contentLength.ToString(CultureInfo.InvariantCulture),
            ["x-amz-server-side-encryption"] = Encryption.Value,
            [TaggingHeader] = UploadLifecycle.PendingTagging,
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

    public Task KeepAsync(string key, CancellationToken ct) =>
        s3.PutObjectTaggingAsync(new PutObjectTaggingRequest
        {
            BucketName = bucket,
            Key = key,
            Tagging = new Tagging { TagSet = [new Tag { Key = UploadLifecycle.StateTag, Value = UploadLifecycle.Kept }] },
        }, ct);

    public Task DeleteAsync(string key, CancellationToken ct) =>
        s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, ct);

    private Protocol Scheme() =>
        s3.Config.ServiceURL is { } url && url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS;
}
