using System.Net;
using Amazon.S3;
using BoxOffice.Adapters.Aws.S3;
using BoxOffice.Core.Files;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// What the S3 store adds to the file contract: every write asks for server-side encryption, and an upload arrives
/// tagged pending (signed in, so a client cannot drop it) until kept: the tag the bucket's lifecycle rule expires.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class S3FileStoreTests(MotoServer moto) : IDisposable
{
    private const string Encryption = "x-amz-server-side-encryption";
    private const string Tagging = "x-amz-tagging";
    private readonly HttpClient _http = new(new PresignedUrlCheck(moto.Credentials));

    [Fact]
    public async Task Stored_files_and_uploads_are_encrypted_at_rest()
    {
        var (s3, bucket, store) = await CreateAsync();
        await store.PutAsync("tickets/t.pdf", new MemoryStream("%PDF"u8.ToArray()), "application/pdf", CancellationToken.None);
        var upload = await store.CreateUploadAsync("posters/s/p.png", "image/png", 3, TimeSpan.FromMinutes(5), CancellationToken.None);
        using var uploaded = await _http.SendAsync(Put(upload, without: null));
        Assert.True(uploaded.IsSuccessStatusCode);

        Assert.Equal(ServerSideEncryptionMethod.AES256, (await s3.GetObjectMetadataAsync(bucket, "tickets/t.pdf")).ServerSideEncryptionMethod);
        Assert.Equal(ServerSideEncryptionMethod.AES256, (await s3.GetObjectMetadataAsync(bucket, "posters/s/p.png")).ServerSideEncryptionMethod);
    }

    [Theory]
    [InlineData(Encryption)]
    [InlineData(Tagging)]
    public async Task An_upload_without_a_signed_header_is_refused(string header)
    {
        var (_, _, store) = await CreateAsync();
        var upload = await store.CreateUploadAsync("posters/s/q.png", "image/png", 3, TimeSpan.FromMinutes(5), CancellationToken.None);

        using var refused = await _http.SendAsync(Put(upload, without: header));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(await store.OpenAsync("posters/s/q.png", CancellationToken.None));
    }

    [Fact]
    public async Task An_upload_arrives_pending_and_stays_once_kept()
    {
        var (s3, bucket, store) = await CreateAsync();
        var upload = await store.CreateUploadAsync("posters/s/p.png", "image/png", 3, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Contains(Tagging, upload.Url.Query.Split('&').Single(p => p.StartsWith("X-Amz-SignedHeaders=", StringComparison.Ordinal)), StringComparison.Ordinal);
        using (var uploaded = await _http.SendAsync(Put(upload, without: null)))
            Assert.True(uploaded.IsSuccessStatusCode);
        Assert.Equal(UploadLifecycle.Pending, await StateAsync(s3, bucket, "posters/s/p.png"));

        await store.KeepAsync("posters/s/p.png", CancellationToken.None);

        Assert.Equal(UploadLifecycle.Kept, await StateAsync(s3, bucket, "posters/s/p.png"));
    }

    private async Task<(IAmazonS3 S3, string Bucket, S3FileStore Store)> CreateAsync()
    {
        var bucket = MotoServer.UniqueName("files");
        var s3 = moto.NewClient<IAmazonS3>();
        await s3.PutBucketAsync(bucket);
        return (s3, bucket, new S3FileStore(s3, bucket, TimeProvider.System));
    }

    /// <summary>The upload's PUT with every header it lists (the length comes from the body) but <paramref name="without"/>.</summary>
    private static HttpRequestMessage Put(PresignedUpload upload, string? without)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, upload.Url) { Content = new ByteArrayContent([1, 2, 3]) };
        foreach (var (name, value) in upload.Headers.Where(h => h.Key != "Content-Length" && h.Key != without))
        {
            if (!put.Headers.TryAddWithoutValidation(name, value)) put.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return put;
    }

    private static async Task<string?> StateAsync(IAmazonS3 s3, string bucket, string key)
    {
        var tagging = await s3.GetObjectTaggingAsync(new() { BucketName = bucket, Key = key });
        return tagging.Tagging.SingleOrDefault(t => t.Key == UploadLifecycle.StateTag)?.Value;
    }

    public void Dispose() => _http.Dispose();
}
