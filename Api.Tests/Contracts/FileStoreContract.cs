using System.Net.Http.Headers;
using BoxOffice.Core.Files;

namespace BoxOffice.Api.Tests.Contracts;

/// <summary>What every <see cref="IFileStore"/> must do, its signed URLs followed over HTTP.</summary>
public abstract class FileStoreContract
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];

    /// <summary>A store with no files in it.</summary>
    protected abstract Task<IFileStore> CreateStoreAsync();

    /// <summary>The client that follows the store's URLs.</summary>
    protected abstract HttpClient UrlClient { get; }

    /// <summary>Lets <paramref name="time"/> pass for the URLs' expiry: a fake clock moves, a real service is waited for.</summary>
    protected abstract Task LetTimePassAsync(TimeSpan time);

    [Fact]
    public async Task A_stored_file_opens_with_its_bytes_type_and_length()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("tickets/a b/doc.pdf", new MemoryStream("%PDF-1.7 hello"u8.ToArray()), "application/pdf", Ct);

        await using var file = await store.OpenAsync("tickets/a b/doc.pdf", Ct);

        Assert.NotNull(file);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(14, file.Length);
        Assert.Equal("%PDF-1.7 hello"u8.ToArray(), await ReadAllAsync(file.Content));
        Assert.Null(await store.OpenAsync("tickets/missing.pdf", Ct));
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_stored_whole()
    {
        var store = await CreateStoreAsync();
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)i).ToArray();

        await store.PutAsync("reports/big.csv", new ForwardOnlyStream(bytes), "text/csv", Ct);

        await using var file = await store.OpenAsync("reports/big.csv", Ct);
        Assert.Equal(bytes, await ReadAllAsync(file!.Content));
    }

    [Fact]
    public async Task A_deleted_file_is_gone_and_deleting_twice_is_fine()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("posters/s/p.png", new MemoryStream(Png), "image/png", Ct);

        await store.DeleteAsync("posters/s/p.png", Ct);
        await store.DeleteAsync("posters/s/p.png", Ct);

        Assert.Null(await store.OpenAsync("posters/s/p.png", Ct));
    }

    [Fact]
    public async Task An_upload_url_takes_the_declared_bytes_with_the_returned_headers()
    {
        var store = await CreateStoreAsync();
        var before = DateTimeOffset.UtcNow;

        var upload = await store.CreateUploadAsync("posters/s1/p.png", "image/png", Png.Length, TimeSpan.FromMinutes(5), Ct);

        Assert.Equal("PUT", upload.Method);
        Assert.Equal("image/png", upload.Headers["Content-Type"]);
        Assert.Equal(Png.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), upload.Headers["Content-Length"]);
        Assert.InRange(upload.ExpiresAt, before.AddMinutes(5).AddSeconds(-5), DateTimeOffset.UtcNow.AddMinutes(5).AddSeconds(5));
        using var response = await UrlClient.SendAsync(Put(upload, Png));
        Assert.True(response.IsSuccessStatusCode, $"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

        await using var file = await store.OpenAsync("posters/s1/p.png", Ct);
        Assert.Equal("image/png", file!.ContentType);
        Assert.Equal(Png, await ReadAllAsync(file.Content));
    }

    [Fact]
    public async Task An_upload_url_stores_once_and_never_overwrites()
    {
        var store = await CreateStoreAsync();
        var upload = await store.CreateUploadAsync("uploads/s4/u", "image/png", Png.Length, TimeSpan.FromMinutes(5), Ct);
        Assert.Equal("*", upload.Headers["If-None-Match"]);
        using (var first = await UrlClient.SendAsync(Put(upload, Png)))
            Assert.True(first.IsSuccessStatusCode, $"upload answered {(int)first.StatusCode}");

        var other = Png.Reverse().ToArray();
        using var replay = await UrlClient.SendAsync(Put(upload, other));

        Assert.Equal(System.Net.HttpStatusCode.PreconditionFailed, replay.StatusCode);
        await using var file = await store.OpenAsync("uploads/s4/u", Ct);
        Assert.Equal(Png, await ReadAllAsync(file!.Content));
    }

    [Fact]
    public async Task An_upload_url_refuses_another_content_type()
    {
        var store = await CreateStoreAsync();
        var upload = await store.CreateUploadAsync("posters/s2/p.png", "image/png", Png.Length, TimeSpan.FromMinutes(5), Ct);
        var request = Put(upload, Png);
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("image/gif");

        using var response = await UrlClient.SendAsync(request);

        Assert.False(response.IsSuccessStatusCode, $"a gif body was accepted with {(int)response.StatusCode}");
        Assert.Null(await store.OpenAsync("posters/s2/p.png", Ct));
    }

    [Fact]
    public async Task An_upload_url_refuses_another_length()
    {
        var store = await CreateStoreAsync();
        var upload = await store.CreateUploadAsync("posters/s3/p.png", "image/png", Png.Length, TimeSpan.FromMinutes(5), Ct);

        using var response = await UrlClient.SendAsync(Put(upload, [.. Png, .. Png]));

        Assert.False(response.IsSuccessStatusCode, $"a longer body was accepted with {(int)response.StatusCode}");
        Assert.Null(await store.OpenAsync("posters/s3/p.png", Ct));
    }

    [Fact]
    public async Task A_download_url_serves_the_file_until_it_expires()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("tickets/t.pdf", new MemoryStream("%PDF ticket"u8.ToArray()), "application/pdf", Ct);

        var url = await store.CreateDownloadUrlAsync("tickets/t.pdf", TimeSpan.FromMinutes(5), Ct);
        var expired = await store.CreateDownloadUrlAsync("tickets/t.pdf", TimeSpan.FromSeconds(1), Ct);
        await LetTimePassAsync(TimeSpan.FromSeconds(2.5));

        using var ok = await UrlClient.GetAsync(url);
        Assert.True(ok.IsSuccessStatusCode, $"download answered {(int)ok.StatusCode}");
        Assert.Equal("%PDF ticket"u8.ToArray(), await ok.Content.ReadAsByteArrayAsync());
        using var late = await UrlClient.GetAsync(expired);
        Assert.False(late.IsSuccessStatusCode, "an expired URL still served the file");
    }

    private static HttpRequestMessage Put(PresignedUpload upload, byte[] body)
    {
        var request = new HttpRequestMessage(new HttpMethod(upload.Method), upload.Url) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in upload.Headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue; // set from the body
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A stream that reads once, front to back, and cannot say its length (like a network body).</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}
