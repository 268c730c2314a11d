using System.Net;
using Amazon.S3;
using BoxOffice.Adapters.Aws.S3;
using BoxOffice.Core.Files;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// What the S3 store adds to the file contract: every write asks for server-side encryption; an upload's
/// encryption and <c>If-None-Match: *</c> headers are signed in, so a client cannot drop them (S3 itself enforces the
/// conditional write: moto does too, and the contract checks it); a download URL asks S3 to answer as an attachment.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class S3FileStoreTests(MotoServer moto) : IDisposable
{
    private const string Encryption = "x-amz-server-side-encryption";
    private const string CreateOnly = "If-None-Match";
    private readonly HttpClient _http = new(new PresignedUrlCheck(moto.Credentials));

    [Fact]
    public async Task Stored_files_and_uploads_are_encrypted_at_rest()
    {
        var (s3, bucket, store) = await CreateAsync();
        await store.PutAsync("tickets/t.pdf", new MemoryStream("%PDF"u8.ToArray()), "application/pdf", CancellationToken.None);
        var upload = await store.CreateUploadAsync("uploads/s/p", "image/png", 3, TimeSpan.FromMinutes(5), CancellationToken.None);
        using var uploaded = await _http.SendAsync(Put(upload, without: null));
        Assert.True(uploaded.IsSuccessStatusCode);

        Assert.Equal(ServerSideEncryptionMethod.AES256, (await s3.GetObjectMetadataAsync(bucket, "tickets/t.pdf")).ServerSideEncryptionMethod);
        Assert.Equal(ServerSideEncryptionMethod.AES256, (await s3.GetObjectMetadataAsync(bucket, "uploads/s/p")).ServerSideEncryptionMethod);
    }

    [Theory]
    [InlineData(Encryption)]
    [InlineData(CreateOnly)]
    public async Task An_upload_without_a_signed_header_is_refused(string header)
    {
        var (_, _, store) = await CreateAsync();
        var upload = await store.CreateUploadAsync("uploads/s/q", "image/png", 3, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Contains(header.ToLowerInvariant(), SignedHeaders(upload.Url), StringComparison.Ordinal);

        using var refused = await _http.SendAsync(Put(upload, without: header));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(await store.OpenAsync("uploads/s/q", CancellationToken.None));
    }

    [Fact]
    public async Task A_replayed_upload_without_its_condition_is_refused_while_a_replay_with_it_meets_412()
    {
        var (_, _, store) = await CreateAsync();
        var upload = await store.CreateUploadAsync("uploads/s/r", "image/png", 3, TimeSpan.FromMinutes(5), CancellationToken.None);
        using (var stored = await _http.SendAsync(Put(upload, without: null)))
            Assert.True(stored.IsSuccessStatusCode);

        using var unconditional = await _http.SendAsync(Put(upload, without: CreateOnly));
        using var conditional = await _http.SendAsync(Put(upload, without: null));

        Assert.Equal(HttpStatusCode.Forbidden, unconditional.StatusCode); // the signature covers the condition
        Assert.Equal(HttpStatusCode.PreconditionFailed, conditional.StatusCode); // S3 (and moto) enforce it
    }

    [Fact]
    public async Task A_download_url_asks_S3_to_answer_with_an_attachment()
    {
        var (_, _, store) = await CreateAsync();

        var url = await store.CreateDownloadUrlAsync("posters/s/p.png", TimeSpan.FromMinutes(5), CancellationToken.None);

        var query = url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal("attachment; filename=\"p.png\"", query["response-content-disposition"]); // in the query, so signed
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

    private static string SignedHeaders(Uri url) =>
        Uri.UnescapeDataString(url.Query.Split('&').Single(p => p.Contains("X-Amz-SignedHeaders=", StringComparison.Ordinal)).Split('=')[1]);

    public void Dispose() => _http.Dispose();
}
