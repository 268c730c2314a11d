namespace BoxOffice.Files;

/// <summary>The image types a poster may be uploaded as.</summary>
public static class ImageContentTypes
{
    public static readonly IReadOnlyList<string> Allowed = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    public static bool IsAllowed(string? contentType) => contentType is not null && Allowed.Contains(contentType);

    public static string Extension(string contentType) => contentType switch
    {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        _ => "webp",
    };
}
