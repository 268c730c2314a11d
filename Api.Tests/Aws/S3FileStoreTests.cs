using Amazon.S3;
using BoxOffice.Configuration;
using BoxOffice.Files.S3;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>What the S3 store adds to the file contract: every write asks for server-side encryption.</summary>
[Collection(MotoCollection.Name)]
public sealed class S3FileStoreTests(MotoServer moto) : IDisposable
{
    private readonly HttpClient _http = new(new PresignedUrlCheck(moto.Credentials));

    [Fact]
    public async Task Stored_files_and_uploads_are_encrypted_at_rest()
    {
        var (s3, bucket, store) = await CreateAsync();
        await store.PutAsync("tickets/t.pdf", new MemoryStream("%PDF"u8.ToArray()), "application/pdf", CancellationToken.None);
        var upload = await store.CreateUploadAsync("posters/s/p.png", "image/png", 3, TimeSpan.FromMinutes(5), CancellationToken.None);
        using var put = new HttpRequestMessage(HttpMethod.Put, upload.Url) { Content = new ByteArrayContent([1, 2, 3]) };
        put.Content.Headers.ContentType = new("image/png");
        put.Headers.Add("x-amz-server-side-encryption", upload.Headers["x-amz-server-side-encryption"]);
        using var uploaded = await _http.SendAsync(put);
        Assert.True(uploaded.IsSuccessStatusCode);

        Assert.Equal(ServerSideEncryptionMethod.AES256, (await s3.GetObjectMetadataAsync(bucket, "tickets/t.pdf")).ServerSideEncryptionMethod);
        Assert.Equal(ServerSideEncryptionMethod.AES256, (await s3.GetObjectMetadataAsync(bucket, "posters/s/p.png")).ServerSideEncryptionMethod);
    }

    [Fact]
    public async Task An_upload_without_the_encryption_header_is_refused()
    {
        var (_, _, store) = await CreateAsync();
        var upload = await store.CreateUploadAsync("posters/s/q.png", "image/png", 3, TimeSpan.FromMinutes(5), CancellationToken.None);
        using var put = new HttpRequestMessage(HttpMethod.Put, upload.Url) { Content = new ByteArrayContent([1, 2, 3]) };
        put.Content.Headers.ContentType = new("image/png");

        using var refused = await _http.SendAsync(put);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<(IAmazonS3 S3, string Bucket, S3FileStore Store)> CreateAsync()
    {
        var bucket = MotoServer.UniqueName("files");
        var s3 = AwsClientFactory.CreateS3(moto.Options(), moto.Credentials);
        await s3.PutBucketAsync(bucket);
        return (s3, bucket, new S3FileStore(s3, bucket, TimeProvider.System));
    }

    public void Dispose() => _http.Dispose();
}
