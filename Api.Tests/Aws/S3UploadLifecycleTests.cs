using System.Net;
using Amazon.S3;
using BoxOffice.Configuration;
using BoxOffice.Files;
using BoxOffice.Files.S3;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// Uploads through a presigned PUT arrive tagged pending (the tag is signed in, so a client cannot drop it) and stay
/// so until kept: that tag is what the bucket's lifecycle rule in serverless.template expires.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class S3UploadLifecycleTests(MotoServer moto) : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private readonly HttpClient _http = new(new PresignedUrlCheck(moto.Credentials));
    private readonly IAmazonS3 _s3 = AwsClientFactory.CreateS3(moto.Options(), moto.Credentials);

    [Fact]
    public async Task An_upload_arrives_pending_and_is_kept_once_kept()
    {
        var (store, bucket) = await CreateStoreAsync();
        var upload = await store.CreateUploadAsync("posters/s/p.png", "image/png", Png.Length, TimeSpan.FromMinutes(5), default);

        Assert.Contains("x-amz-tagging", Query(upload.Url)["X-Amz-SignedHeaders"].Split(';'));
        using (var put = await _http.SendAsync(Put(upload, withTag: true)))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(UploadLifecycle.Pending, await StateAsync(bucket, "posters/s/p.png"));

        await store.KeepAsync("posters/s/p.png", default);

        Assert.Equal(UploadLifecycle.Kept, await StateAsync(bucket, "posters/s/p.png"));
    }

    [Fact]
    public async Task An_upload_without_its_pending_tag_is_refused()
    {
        var (store, _) = await CreateStoreAsync();
        var upload = await store.CreateUploadAsync("posters/s/q.png", "image/png", Png.Length, TimeSpan.FromMinutes(5), default);

        using var put = await _http.SendAsync(Put(upload, withTag: false));

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Null(await store.OpenAsync("posters/s/q.png", default));
    }

    private async Task<(S3FileStore Store, string Bucket)> CreateStoreAsync()
    {
        var bucket = MotoServer.UniqueName("uploads");
        await _s3.PutBucketAsync(bucket);
        return (new S3FileStore(_s3, bucket, TimeProvider.System), bucket);
    }

    private async Task<string?> StateAsync(string bucket, string key)
    {
        var tagging = await _s3.GetObjectTaggingAsync(new() { BucketName = bucket, Key = key });
        return tagging.Tagging.SingleOrDefault(t => t.Key == UploadLifecycle.StateTag)?.Value;
    }

    private static HttpRequestMessage Put(PresignedUpload upload, bool withTag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, upload.Url) { Content = new ByteArrayContent(Png) };
        foreach (var (name, value) in upload.Headers.Where(h => h.Key != "Content-Length" && (withTag || h.Key != "x-amz-tagging")))
        {
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    private static Dictionary<string, string> Query(Uri url) =>
        url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));

    public void Dispose()
    {
        _http.Dispose();
        _s3.Dispose();
    }
}
