using BoxOffice.Hosting.Lambda.AspNetCore;

namespace BoxOffice.Api.Tests.Lambda;

[Trait("Category", TestCategory.Lambda)]
public sealed class ApiGatewayPathTests
{
    [Theory]
    [InlineData("/shows", "/shows")]
    [InlineData("", "/")]
    [InlineData("shows", "/shows")]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/a%20b", "/a%20b")]
    [InlineData("/a%2Fb", "/a%2Fb")]
    [InlineData("/100%", "/100%25")]
    [InlineData("/what?#", "/what%3F%23")]
    [InlineData("/café", "/caf%C3%A9")]
    [InlineData("/1+1=2", "/1+1=2")]
    public void Raw_path_escapes_only_what_cannot_stand_literally(string delivered, string raw) =>
        Assert.Equal(raw, ApiGatewayPath.ToRawPath(delivered));

    [Theory]
    [InlineData("/a%20b", "/a b")]
    [InlineData("/a%2Fb", "/a%2Fb")]
    [InlineData("/a%2fb", "/a%2fb")]
    [InlineData("/caf%C3%A9", "/café")]
    [InlineData("/bad%FF", "/bad%FF")]
    [InlineData("/plain", "/plain")]
    public void Decoding_keeps_encoded_slashes_like_kestrel(string raw, string decoded) =>
        Assert.Equal(decoded, ApiGatewayPath.Decode(raw));

    [Theory]
    [InlineData("/prod/shows", "prod", "/prod", "/shows")]
    [InlineData("/prod", "prod", "/prod", "/")]
    [InlineData("/production/shows", "prod", "", "/production/shows")]
    [InlineData("/shows", "$default", "", "/shows")]
    [InlineData("/shows", null, "", "/shows")]
    public void Stage_prefix_is_split_off_only_as_a_whole_segment(string rawPath, string? stage, string pathBase, string path) =>
        Assert.Equal((pathBase, path), ApiGatewayPath.SplitStage(rawPath, stage));
}
