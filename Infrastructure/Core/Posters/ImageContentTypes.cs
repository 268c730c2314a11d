namespace BoxOffice.Core.Posters;

/// <summary>
/// The image types a show poster may be. The Api checks the declared type against this list before it hands out an
/// upload URL (which binds that exact Content-Type); the Worker then checks that the uploaded bytes really are that type.
/// </summary>
public static class ImageContentTypes
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";

    public static IReadOnlyList<string> Allowed { get; } = [Png, Jpeg, Gif, WebP];

    /// <summary>True for one of <see cref="Allowed"/>, spelled exactly as listed (lower case, no parameters).</summary>
    public static bool IsAllowed(string? contentType) => contentType is not null && Allowed.Contains(contentType, StringComparer.Ordinal);

    /// <summary>The file extension for an allowed type.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        Png => "png",
        Jpeg => "jpg",
        Gif => "gif",
        WebP => "webp",
        _ => throw new ArgumentException($"'{contentType}' is not an allowed image type.", nameof(contentType)),
    };
}
