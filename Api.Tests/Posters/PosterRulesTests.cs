using BoxOffice.Core.Posters;

namespace BoxOffice.Api.Tests.Posters;

public sealed class PosterRulesTests
{
    [Fact]
    public void Each_upload_gets_its_own_key_and_publishes_to_a_key_no_upload_uses()
    {
        var first = PosterKey.Upload("show-1");
        var second = PosterKey.Upload("show-1");

        Assert.Matches("^uploads/show-1/[0-9a-f]{32}$", first);
        Assert.NotEqual(first, second);
        var upload = PosterKey.UploadOf(first)!;
        Assert.Equal("show-1", upload.ShowId);
        Assert.Equal($"posters/show-1/{upload.UploadId}.jpg", PosterKey.Published(upload, ImageContentTypes.Jpeg));
        Assert.Null(PosterKey.UploadOf(PosterKey.Published(upload, ImageContentTypes.Jpeg)));
    }

    [Theory]
    [InlineData("uploads/s1/abc", "s1")]
    [InlineData("uploads/s1", null)]
    [InlineData("uploads//abc", null)]
    [InlineData("uploads/s1/", null)]
    [InlineData("uploads/s1/a/b", null)]
    [InlineData("posters/s1/abc.png", null)]
    [InlineData("tickets/s1/a.pdf", null)]
    [InlineData("uploadsX/s1/abc", null)]
    public void Only_a_key_of_the_upload_shape_names_a_show(string key, string? showId)
    {
        Assert.Equal(showId, PosterKey.UploadOf(key)?.ShowId);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void A_poster_is_one_byte_up_to_the_limit(long bytes, bool allowed)
    {
        Assert.Equal(allowed, PosterSize.IsAllowed(bytes, maxBytes: 1000));
    }
}
