using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Posters;

/// <summary>Upload URL, signed PUT, inspection by the worker, then published or rejected.</summary>
public class PosterFlowTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    [Fact]
    public async Task A_real_png_is_published()
    {
        var (admin, showId) = await ShowAsync();
        var png = TestImages.Png(8, 4);
        var upload = await RequestUploadAsync(admin, showId, "image/png", png.Length);
        Assert.Equal("PUT", upload.Str("method"));
        Assert.Equal("Pending", (await app.CreateClient().GetJsonAsync($"/shows/{showId}")).Str("posterStatus"));

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(upload, png, "image/png")).StatusCode);
        var show = await ApiCalls.EventuallyAsync(() => app.CreateClient().GetJsonAsync($"/shows/{showId}"), s => s.Str("posterStatus") == "Published");
        var poster = await app.CreateClient().GetAsync(new Uri(show.Str("posterUrl")).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, poster.StatusCode);
        Assert.Equal("image/png", poster.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await poster.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_fake_image_is_rejected_and_deleted()
    {
        var (admin, showId) = await ShowAsync();
        var html = "<html><body>not a gif</body></html>"u8.ToArray();
        var upload = await RequestUploadAsync(admin, showId, "image/gif", html.Length);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(upload, html, "image/gif")).StatusCode);

        var show = await ApiCalls.EventuallyAsync(() => app.CreateClient().GetJsonAsync($"/shows/{showId}"), s => s.Str("posterStatus") == "Rejected");
        Assert.Equal(JsonValueKind.Null, show.GetProperty("posterUrl").ValueKind);
        Assert.False(File.Exists(Path.Combine(app.DataPath, "files", upload.Str("key"))), "the rejected upload must be deleted");
    }

    [Fact]
    public async Task A_png_declared_as_jpeg_is_rejected()
    {
        var (admin, showId) = await ShowAsync();
        var png = TestImages.Png(2, 2);
        var upload = await RequestUploadAsync(admin, showId, "image/jpeg", png.Length);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(upload, png, "image/jpeg")).StatusCode);
        await ApiCalls.EventuallyAsync(() => app.CreateClient().GetJsonAsync($"/shows/{showId}"), s => s.Str("posterStatus") == "Rejected");
    }

    [Fact]
    public async Task The_upload_url_binds_type_length_and_expiry()
    {
        await using var local = new BoxOfficeApp(); // its clock moves on
        var (admin, showId) = await ShowAsync(local);
        var png = TestImages.Png(3, 3);
        var upload = await RequestUploadAsync(admin, showId, "image/png", png.Length);

        await (await PutAsync(upload, png, "image/gif", local)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await PutAsync(upload, [.. png, 0], "image/png", local)).ProblemAsync(HttpStatusCode.Forbidden);
        var tampered = upload.Str("uploadUrl").Replace("length=", "length=1", StringComparison.Ordinal);
        await (await local.CreateClient().PutAsync(new Uri(tampered).PathAndQuery, Body(png, "image/png"))).ProblemAsync(HttpStatusCode.Forbidden);

        local.Clock.Advance(TimeSpan.FromHours(1));
        await (await PutAsync(upload, png, "image/png", local)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(File.Exists(Path.Combine(local.DataPath, "files", upload.Str("key"))));
    }

    private async Task<(HttpClient Admin, string ShowId)> ShowAsync(BoxOfficeApp? on = null)
    {
        var admin = await (on ?? app).AdminAsync();
        return (admin, (await admin.CreateShowAsync()).Str("showId"));
    }

    private static async Task<JsonElement> RequestUploadAsync(HttpClient admin, string showId, string contentType, long length) =>
        await (await admin.PostAsJsonAsync($"/shows/{showId}/poster", new { contentType, contentLength = length })).ReadAsync(HttpStatusCode.OK);

    private Task<HttpResponseMessage> PutAsync(JsonElement upload, byte[] bytes, string contentType, BoxOfficeApp? on = null) =>
        (on ?? app).CreateClient().PutAsync(new Uri(upload.Str("uploadUrl")).PathAndQuery, Body(bytes, contentType));

    private static ByteArrayContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
