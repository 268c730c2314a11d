using BoxOffice.Files;
using BoxOffice.Worker.Posters;

namespace BoxOffice.Api.Tests.Posters;

public sealed class ImageContentTypesTests
{
    [Fact]
    public void Lists_exactly_the_four_poster_types_and_each_maps_to_its_format()
    {
        Assert.Equal(["image/png", "image/jpeg", "image/gif", "image/webp"], ImageContentTypes.All);
        Assert.Equal(ImageContentTypes.All, Enum.GetValues<ImageFormat>().Select(f => f.ContentType()));
    }

    [Theory]
    [InlineData("image/png", true)]
    [InlineData("Image/JPEG", true)]
    [InlineData("image/webp", true)]
    [InlineData("image/svg+xml", false)]
    [InlineData("image/png ", false)]
    [InlineData("application/octet-stream", false)]
    [InlineData(null, false)]
    public void Allows_only_listed_types_ignoring_case(string? contentType, bool allowed)
    {
        Assert.Equal(allowed, ImageContentTypes.IsAllowed(contentType));
    }
}
