using System.Text.Json;
using BoxOffice.Adapters.Aws.Sqs;
using BoxOffice.Core.Jobs;

namespace BoxOffice.Api.Tests.Lambda;

[Trait("Category", TestCategory.Lambda)]
public sealed class S3UploadNotificationTests
{
    [Fact]
    public void Created_objects_become_file_uploaded_jobs_with_decoded_keys()
    {
        var body = SqsBatchFunctionTests.S3Created("posters/caf%C3%A9+night%2B1.png", 512);

        Assert.True(S3UploadNotification.TryRead(body, out var jobs));

        var job = Assert.Single(jobs);
        Assert.Equal(JobTypes.FileUploaded, job.Type);
        Assert.Equal(new FileUploaded("posters/café night+1.png", 512), JsonSerializer.Deserialize<FileUploaded>(job.Body, JobJson.Options));
    }

    [Fact]
    public void The_test_event_is_a_notification_without_jobs()
    {
        Assert.True(S3UploadNotification.TryRead("""{"Service":"Amazon S3","Event":"s3:TestEvent","Bucket":"box-office-files"}""", out var jobs));
        Assert.Empty(jobs);
    }

    [Fact]
    public void Removed_objects_are_skipped()
    {
        var body = SqsBatchFunctionTests.S3Created("posters/a.png", 1).Replace("ObjectCreated:Put", "ObjectRemoved:Delete", StringComparison.Ordinal);

        Assert.True(S3UploadNotification.TryRead(body, out var jobs));
        Assert.Empty(jobs);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"orderId\":\"o-1\"}")]
    [InlineData("{\"Records\":\"nope\"}")]
    [InlineData("{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}")]
    [InlineData("{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{}}]}")]
    [InlineData("{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"object\":{\"key\":7}}}]}")]
    public void Anything_else_is_not_a_notification(string body)
    {
        Assert.False(S3UploadNotification.TryRead(body, out var jobs));
        Assert.Empty(jobs);
    }
}
