using BoxOffice.Core.Posters;

namespace BoxOffice.Api.Tests.Posters;

public sealed class PosterRulesTests
{
    [Fact]
    public void A_poster_key_names_its_show_and_a_new_file_of_its_type()
    {
        var first = PosterKey.For("show-1", ImageContentTypes.Jpeg);
        var second = PosterKey.For("show-1", ImageContentTypes.Jpeg);

        Assert.Matches("^posters/show-1/[0-9a-f]{32}\\.jpg$", first);
        Assert.NotEqual(first, second);
        Assert.Equal("show-1", PosterKey.ShowIdOf(first));
    }

    [Theory]
    [InlineData("posters/s1/a.png", "s1")]
    [InlineData("posters/s1", null)]
    [InlineData("posters//a.png", null)]
    [InlineData("posters/s1/", null)]
    [InlineData("posters/s1/a/b.png", null)]
    [InlineData("tickets/s1/a.pdf", null)]
    [InlineData("postersX/s1/a.png", null)]
    public void Only_a_key_of_the_poster_shape_names_a_show(string key, string? showId)
    {
        Assert.Equal(showId, PosterKey.ShowIdOf(key));
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
