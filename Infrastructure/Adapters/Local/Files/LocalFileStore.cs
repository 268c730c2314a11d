using System.Globalization;
using System.Text.Json;
using BoxOffice.Core.Files;
using BoxOffice.Core.Web;

namespace BoxOffice.Adapters.Local.Files;

/// <summary>
/// Files in a folder; each object has a sidecar <c>.meta</c> with its content type. URLs point at the Api's own
/// <c>/files/{key}</c> routes, signed by <see cref="LocalUrlSigner"/>, under the configured public base URL (never
/// the host a request named: a forged <c>Host</c> header must not put signed links on someone else's site).
/// </summary>
public sealed class LocalFileStore(LocalDataFolder folder, LocalUrlSigner signer, TimeProvider clock, IPublicBaseUrl baseUrl) : IFileStore
{
    public const string RoutePrefix = "/files/";

    /// <summary>Sent with every upload, as S3 signs it: the PUT only creates, never overwrites.</summary>
    public const string CreateOnlyHeader = "If-None-Match";

    public Task<PresignedUpload> CreateUploadAsync(string key, string contentType, long contentLength, TimeSpan lifetime, CancellationToken ct)
    {
        var expires = clock.GetUtcNow() + lifetime;
        var unix = expires.ToUnixTimeSeconds();
        var sig = signer.Sign("PUT", key, unix, contentType, contentLength);
        var url = new Uri($"{baseUrl.Value}{RoutePrefix}{EscapeKey(key)}?expires={unix}&type={Uri.EscapeDataString(contentType)}&length={contentLength}&sig={sig}");
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = contentType,
            ["Content-Length"] = contentLength.ToString(CultureInfo.InvariantCulture),
            [CreateOnlyHeader] = "*",
        };
        return Task.FromResult(new PresignedUpload(url, "PUT", headers, DateTimeOffset.FromUnixTimeSeconds(unix)));
    }

    public Task<Uri> CreateDownloadUrlAsync(string key, TimeSpan lifetime, CancellationToken ct)
    {
        var unix = (clock.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        return Task.FromResult(new Uri($"{baseUrl.Value}{RoutePrefix}{EscapeKey(key)}?expires={unix}&sig={signer.Sign("GET", key, unix)}"));
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken ct) =>
        await WriteAsync(key, content, contentType, overwrite: true, ct);

    /// <summary>Stores the object only if there is none at the key (S3's <c>If-None-Match: *</c>); false, and nothing written, otherwise.</summary>
    public Task<bool> TryCreateAsync(string key, Stream content, string contentType, CancellationToken ct) =>
        WriteAsync(key, content, contentType, overwrite: false, ct);

    private async Task<bool> WriteAsync(string key, Stream content, string contentType, bool overwrite, CancellationToken ct)
    {
        var path = PathOf(key);
        if (!overwrite && File.Exists(path)) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = File.Create(temp))
                await content.CopyToAsync(file, ct);
            await File.WriteAllTextAsync(temp + ".meta", JsonSerializer.Serialize(new StoredFileMeta(contentType), LocalFilesJsonContext.Default.StoredFileMeta), ct);
            try
            {
                File.Move(temp, path, overwrite);
            }
            catch (IOException) when (!overwrite && File.Exists(path))
            {
                return false; // another PUT created it first
            }
            File.Move(temp + ".meta", path + ".meta", overwrite: true);
            return true;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
            if (File.Exists(temp + ".meta")) File.Delete(temp + ".meta");
        }
    }

    public async Task<StoredFile?> OpenAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return null;
        var meta = File.Exists(path + ".meta")
            ? JsonSerializer.Deserialize(await File.ReadAllTextAsync(path + ".meta", ct), LocalFilesJsonContext.Default.StoredFileMeta)
            : null;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        return new StoredFile(stream, meta?.ContentType ?? "application/octet-stream", stream.Length);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        File.Delete(path);
        File.Delete(path + ".meta");
        return Task.CompletedTask;
    }

    public bool Exists(string key) => File.Exists(PathOf(key));

    /// <summary>Maps a key to a path inside the files folder; keys that would escape it are refused.</summary>
    public string PathOf(string key)
    {
        var root = folder.PathOf("files");
        var path = Path.GetFullPath(Path.Combine(root, key));
        if (!IsValidKey(key) || !path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{key}' is not a valid file key.", nameof(key));
        return path;
    }

    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= 512 && !key.StartsWith('/') && !key.Contains('\\') && !key.EndsWith(".meta", StringComparison.Ordinal)
        && key.Split('/').All(part => part.Length > 0 && part != "." && part != "..");

    private static string EscapeKey(string key) => string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
}
