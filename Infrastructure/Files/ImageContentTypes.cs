namespace BoxOffice.Files;

/// <summary>
/// The image types a show poster may be. The Api checks the declared type against this list before it hands out an
/// upload URL; the Worker then checks that the uploaded bytes really are that type.
/// </summary>
public static class ImageContentTypes
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";

    public static IReadOnlyList<string> All { get; } = [Png, Jpeg, Gif, WebP];

    /// <summary>True for one of <see cref="All"/>; media types compare case-insensitively, parameters are not allowed.</summary>
    public static bool IsAllowed(string? contentType) =>
        contentType is not null && All.Contains(contentType, StringComparer.OrdinalIgnoreCase);

    /// <summary>The file extension used in storage keys.</summary>
    public static string Extension(string contentType) => contentType.ToLowerInvariant() switch
    {
        Png => "png",
        Jpeg => "jpg",
        Gif => "gif",
        _ => "webp",
    };
}
