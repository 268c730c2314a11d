using BoxOffice.Core.Files;

namespace BoxOffice.Core.Posters;

/// <summary>
/// Where a show's poster is stored: <c>posters/{showId}/{id}.{extension}</c>, a new key per upload. The Api hands out
/// the key with the upload URL; the upload event carries it back to the Worker, which reads the show from it.
/// </summary>
public static class PosterKey
{
    public static string For(string showId, string contentType) =>
        $"{UploadLifecycle.PosterPrefix}{showId}/{Guid.NewGuid():N}.{ImageContentTypes.Extension(contentType)}";

    /// <summary>The show a poster key belongs to; null for a key of any other shape.</summary>
    public static string? ShowIdOf(string key) =>
        key.StartsWith(UploadLifecycle.PosterPrefix, StringComparison.Ordinal)
        && key[UploadLifecycle.PosterPrefix.Length..].Split('/') is [{ Length: > 0 } showId, { Length: > 0 }]
            ? showId
            : null;
}
