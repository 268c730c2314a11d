using BoxOffice.Core.Files;

namespace BoxOffice.Core.Posters;

/// <summary>
/// Where poster bytes are stored. Each upload request gets its own key, <c>uploads/{showId}/{uploadId}</c>, handed out
/// with the upload URL and carried back to the Worker by the upload event. What the Worker publishes from it is a
/// separate object, <c>posters/{showId}/{uploadId}.{extension}</c>, that no upload URL can reach.
/// </summary>
public static class PosterKey
{
    public static string Upload(string showId) => $"{UploadLifecycle.UploadPrefix}{showId}/{Guid.NewGuid():N}";

    /// <summary>The show and upload id an upload key names; null for a key of any other shape.</summary>
    public static PosterUpload? UploadOf(string key) =>
        key.StartsWith(UploadLifecycle.UploadPrefix, StringComparison.Ordinal)
        && key[UploadLifecycle.UploadPrefix.Length..].Split('/') is [{ Length: > 0 } showId, { Length: > 0 } uploadId]
            ? new PosterUpload(showId, uploadId)
            : null;

    /// <summary>The key of the poster published from <paramref name="upload"/>, an image of <paramref name="contentType"/>.</summary>
    public static string Published(PosterUpload upload, string contentType) =>
        $"{UploadLifecycle.PosterPrefix}{upload.ShowId}/{upload.UploadId}.{ImageContentTypes.Extension(contentType)}";
}
