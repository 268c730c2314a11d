using Amazon.S3;
using BoxOffice.Adapters.Aws.S3;
using BoxOffice.Api.Tests.Contracts;
using BoxOffice.Core.Files;

namespace BoxOffice.Api.Tests.Aws;

[Collection(MotoCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class S3FileStoreContractTests(MotoServer moto) : FileStoreContract, IDisposable
{
    private readonly HttpClient _http = new(new PresignedUrlCheck(moto.Credentials));

    protected override HttpClient UrlClient => _http;

    protected override Task LetTimePassAsync(TimeSpan time) => Task.Delay(time);

    protected override async Task<IFileStore> CreateStoreAsync()
    {
        var bucket = MotoServer.UniqueName("files");
        var s3 = moto.NewClient<IAmazonS3>();
        await s3.PutBucketAsync(bucket);
        return new S3FileStore(s3, bucket, TimeProvider.System);
    }

    public void Dispose() => _http.Dispose();
}
