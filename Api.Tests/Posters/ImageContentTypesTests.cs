using BoxOffice.Core.Posters;
using BoxOffice.Worker.Posters;

namespace BoxOffice.Api.Tests.Posters;

public sealed class ImageContentTypesTests
{
    [Fact]
    public void Lists_exactly_the_four_poster_types_and_each_maps_to_its_format()
    {
        Assert.Equal(["image/png", "image/jpeg", "image/gif", "image/webp"], ImageContentTypes.Allowed);
        Assert.Equal(ImageContentTypes.Allowed, Enum.GetValues<ImageFormat>().Select(f => f.ContentType()));
    }

    [Theory]
    [InlineData("image/png", true)]
    [InlineData("image/jpeg", true)]
    [InlineData("Image/JPEG", false)]
    [InlineData("image/webp", true)]
    [InlineData("image/svg+xml", false)]
    [InlineData("image/png ", false)]
    [InlineData("application/octet-stream", false)]
    [InlineData(null, false)]
    public void Allows_only_listed_types_spelled_exactly(string? contentType, bool allowed)
    {
        Assert.Equal(allowed, ImageContentTypes.IsAllowed(contentType));
    }

    [Theory]
    [InlineData("image/png", "png")]
    [InlineData("image/jpeg", "jpg")]
    [InlineData("image/gif", "gif")]
    [InlineData("image/webp", "webp")]
    public void Gives_each_allowed_type_its_file_extension(string contentType, string extension)
    {
        Assert.Equal(extension, ImageContentTypes.Extension(contentType));
    }

    [Fact]
    public void Has_no_extension_for_a_type_that_is_not_allowed()
    {
        Assert.Throws<ArgumentException>(() => ImageContentTypes.Extension("image/svg+xml"));
    }
}
