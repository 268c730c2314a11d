using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Posters;

/// <summary>Upload URL, signed PUT, inspection by the worker, then published (a copy, under its own key) or rejected (with why).</summary>
public class PosterFlowTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    private const string Csp = "default-src 'none'; sandbox";

    [Fact]
    public async Task A_real_png_is_published_as_its_own_copy_served_unsniffable()
    {
        var (admin, showId) = await ShowAsync();
        var png = TestImages.Png(8, 4);
        var upload = await PosterUploads.RequestAsync(admin, showId, "image/png", png.Length);
        Assert.Equal("PUT", upload.Str("method"));
        Assert.StartsWith($"uploads/{showId}/", upload.Str("key"), StringComparison.Ordinal);
        var pending = await app.CreateClient().GetJsonAsync($"/shows/{showId}");
        Assert.Equal(("Pending", JsonValueKind.Null), (pending.Str("posterStatus"), pending.GetProperty("posterRejectionReason").ValueKind));

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(upload, png)).StatusCode);
        var show = await PublishedAsync(showId);
        Assert.Equal(JsonValueKind.Null, show.GetProperty("posterRejectionReason").ValueKind);
        var url = new Uri(show.Str("posterUrl"));
        Assert.StartsWith($"/files/posters/{showId}/", url.AbsolutePath, StringComparison.Ordinal);
        using var poster = await app.CreateClient().GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, poster.StatusCode);
        Assert.Equal("image/png", poster.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await poster.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", Assert.Single(poster.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Csp, Assert.Single(poster.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Replaying_the_upload_url_after_publishing_changes_nothing_served()
    {
        var (admin, showId) = await ShowAsync();
        var png = TestImages.Png(6, 6);
        var upload = await PosterUploads.RequestAsync(admin, showId, "image/png", png.Length);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(upload, png)).StatusCode);
        var published = await PublishedAsync(showId);

        // Same length and type as signed, so only the replay itself can stop it.
        var html = "<html><script>alert(document.domain)</script>"u8.ToArray();
        var hostile = new byte[png.Length];
        html.CopyTo(hostile, 0);
        hostile.AsSpan(html.Length).Fill((byte)' ');
        var replay = await (await PutAsync(upload, hostile)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains("new upload URL", replay.Str("detail"), StringComparison.Ordinal);

        var show = await app.CreateClient().GetJsonAsync($"/shows/{showId}");
        Assert.Equal("Published", show.Str("posterStatus"));
        Assert.Equal(new Uri(published.Str("posterUrl")).AbsolutePath, new Uri(show.Str("posterUrl")).AbsolutePath);
        using var poster = await app.CreateClient().GetAsync(new Uri(show.Str("posterUrl")).PathAndQuery);
        Assert.Equal(png, await poster.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", poster.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_stale_upload_is_never_published()
    {
        await using var local = BoxOfficeApp.WithInformationLogs();
        var (admin, showId) = await ShowAsync(local);
        var stalePng = TestImages.Png(3, 5);
        var stale = await PosterUploads.RequestAsync(admin, showId, "image/png", stalePng.Length);
        var currentPng = TestImages.Png(5, 3);
        var current = await PosterUploads.RequestAsync(admin, showId, "image/png", currentPng.Length);

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(stale, stalePng, local)).StatusCode);
        await ApiCalls.EventuallyAsync(
            () => Task.FromResult(local.Logs.Entries.Any(e => e.Message.Contains(stale.Str("key"), StringComparison.Ordinal) && e.Message.Contains("not the upload its show awaits", StringComparison.Ordinal))),
            seen => seen);
        Assert.Equal("Pending", (await local.CreateClient().GetJsonAsync($"/shows/{showId}")).Str("posterStatus"));

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(current, currentPng, local)).StatusCode);
        var show = await PublishedAsync(showId, local);
        using var poster = await local.CreateClient().GetAsync(new Uri(show.Str("posterUrl")).PathAndQuery);
        Assert.Equal(currentPng, await poster.Content.ReadAsByteArrayAsync());
        Assert.Single(Directory.GetFiles(Path.Combine(local.DataPath, "files", "posters", showId), "*.png"));
    }

    [Fact]
    public async Task A_new_poster_replaces_the_old_one_which_stays_on_show_until_then_and_is_deleted_after()
    {
        var (admin, showId) = await ShowAsync();
        var first = TestImages.Png(4, 4);
        var firstUpload = await PosterUploads.RequestAsync(admin, showId, "image/png", first.Length);
        await PutAsync(firstUpload, first);
        var firstUrl = new Uri((await PublishedAsync(showId)).Str("posterUrl"));
        var firstFile = Path.Combine(app.DataPath, "files", firstUrl.AbsolutePath["/files/".Length..]);
        Assert.True(File.Exists(firstFile));

        var second = TestImages.Png(7, 2);
        var secondUpload = await PosterUploads.RequestAsync(admin, showId, "image/png", second.Length);
        var pending = await app.CreateClient().GetJsonAsync($"/shows/{showId}");
        Assert.Equal(("Pending", firstUrl.AbsolutePath), (pending.Str("posterStatus"), new Uri(pending.Str("posterUrl")).AbsolutePath));

        await PutAsync(secondUpload, second);
        var show = await ApiCalls.EventuallyAsync(() => app.CreateClient().GetJsonAsync($"/shows/{showId}"),
            s => s.Str("posterStatus") == "Published" && new Uri(s.Str("posterUrl")).AbsolutePath != firstUrl.AbsolutePath);
        using var poster = await app.CreateClient().GetAsync(new Uri(show.Str("posterUrl")).PathAndQuery);
        Assert.Equal(second, await poster.Content.ReadAsByteArrayAsync());
        await ApiCalls.EventuallyAsync(() => Task.FromResult(File.Exists(firstFile)), exists => !exists); // deleted right after the switch
    }

    [Fact]
    public async Task A_fake_image_is_rejected_with_its_reason_and_nothing_is_published()
    {
        var (admin, showId) = await ShowAsync();
        var html = "<html><body>not a gif</body></html>"u8.ToArray();
        var upload = await PosterUploads.RequestAsync(admin, showId, "image/gif", html.Length);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(upload, html)).StatusCode);

        var show = await ApiCalls.EventuallyAsync(() => app.CreateClient().GetJsonAsync($"/shows/{showId}"), s => s.Str("posterStatus") == "Rejected");
        Assert.Equal("Declared image/gif, but the file is an HTML or XML document, not an image.", show.Str("posterRejectionReason"));
        Assert.Equal(JsonValueKind.Null, show.GetProperty("posterUrl").ValueKind);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "files", "posters", showId)), "nothing may be published from a rejected upload");
    }

    [Fact]
    public async Task A_png_declared_as_jpeg_is_rejected_and_a_new_upload_clears_the_reason()
    {
        var (admin, showId) = await ShowAsync();
        var png = TestImages.Png(2, 2);
        var upload = await PosterUploads.RequestAsync(admin, showId, "image/jpeg", png.Length);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(upload, png)).StatusCode);
        var rejected = await ApiCalls.EventuallyAsync(() => app.CreateClient().GetJsonAsync($"/shows/{showId}"), s => s.Str("posterStatus") == "Rejected");
        Assert.Equal("Declared image/jpeg, but the file is a PNG image (image/png).", rejected.Str("posterRejectionReason"));

        await PosterUploads.RequestAsync(admin, showId, "image/png", png.Length);

        var pending = await app.CreateClient().GetJsonAsync($"/shows/{showId}");
        Assert.Equal(("Pending", JsonValueKind.Null), (pending.Str("posterStatus"), pending.GetProperty("posterRejectionReason").ValueKind));
    }

    [Fact]
    public async Task The_upload_url_binds_type_length_condition_and_expiry()
    {
        await using var local = new BoxOfficeApp(); // its clock moves on
        var (admin, showId) = await ShowAsync(local);
        var png = TestImages.Png(3, 3);
        var upload = await PosterUploads.RequestAsync(admin, showId, "image/png", png.Length);
        Assert.Equal("*", upload.GetProperty("headers").GetProperty("If-None-Match").GetString());

        using (var wrongType = PosterUploads.Put(upload, png, relative: true))
        {
            wrongType.Content!.Headers.ContentType = new MediaTypeHeaderValue("image/gif");
            await (await local.CreateClient().SendAsync(wrongType)).ProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await PutAsync(upload, [.. png, 0], local)).ProblemAsync(HttpStatusCode.Forbidden);
        using (var unconditional = PosterUploads.Put(upload, png, relative: true, without: "If-None-Match"))
            await (await local.CreateClient().SendAsync(unconditional)).ProblemAsync(HttpStatusCode.Forbidden);
        var tampered = upload.Str("uploadUrl").Replace("length=", "length=1", StringComparison.Ordinal);
        var content = new ByteArrayContent(png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        await (await local.CreateClient().PutAsync(new Uri(tampered).PathAndQuery, content)).ProblemAsync(HttpStatusCode.Forbidden);

        local.Clock.Advance(TimeSpan.FromHours(1));
        await (await PutAsync(upload, png, local)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(File.Exists(Path.Combine(local.DataPath, "files", upload.Str("key"))));
    }

    private async Task<(HttpClient Admin, string ShowId)> ShowAsync(BoxOfficeApp? on = null)
    {
        var admin = await (on ?? app).AdminAsync();
        return (admin, (await admin.CreateShowAsync()).Str("showId"));
    }

    private Task<JsonElement> PublishedAsync(string showId, BoxOfficeApp? on = null) =>
        ApiCalls.EventuallyAsync(() => (on ?? app).CreateClient().GetJsonAsync($"/shows/{showId}"), s => s.Str("posterStatus") == "Published");

    private async Task<HttpResponseMessage> PutAsync(JsonElement upload, byte[] bytes, BoxOfficeApp? on = null)
    {
        using var request = PosterUploads.Put(upload, bytes, relative: true);
        return await (on ?? app).CreateClient().SendAsync(request);
    }
}
