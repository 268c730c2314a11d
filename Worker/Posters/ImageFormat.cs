using BoxOffice.Core.Posters;

namespace BoxOffice.Worker.Posters;

public enum ImageFormat
{
    Png,
    Jpeg,
    Gif,
    WebP,
}

public static class ImageFormats
{
    public static string ContentType(this ImageFormat format) => format switch
    {
        ImageFormat.Png => ImageContentTypes.Png,
        ImageFormat.Jpeg => ImageContentTypes.Jpeg,
        ImageFormat.Gif => ImageContentTypes.Gif,
        ImageFormat.WebP => ImageContentTypes.WebP,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The name people know the format by, for messages.</summary>
    public static string DisplayName(this ImageFormat format) => format switch
    {
        ImageFormat.Png => "PNG",
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.Gif => "GIF",
        ImageFormat.WebP => "WebP",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The format of an allowed image content type (see <see cref="ImageContentTypes.IsAllowed"/>), or null.</summary>
    public static ImageFormat? FromContentType(string? contentType) =>
        Enum.GetValues<ImageFormat>().Select(f => (ImageFormat?)f)
            .FirstOrDefault(f => string.Equals(f!.Value.ContentType(), contentType, StringComparison.Ordinal));

    /// <summary>The format whose magic number starts <paramref name="head"/>, or null.</summary>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngStructure.Signature))
        {
            return ImageFormat.Png;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageFormat.Jpeg;
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }
        return null;
    }
}
