using System.Text;
using BoxOffice.Core.Posters;

namespace BoxOffice.Worker.Posters;

/// <summary>
/// Decides whether uploaded bytes really are the image type the uploader declared: the magic number, then the
/// format's header structure and dimensions. Given the whole file it also checks the file's end (nothing cut off,
/// nothing appended); given only the first bytes it checks what they hold.
/// </summary>
public static class ImageInspector
{
    /// <summary>Largest width or height accepted: a poster has no use for more, a decompression bomb does.</summary>
    public const int MaxDimension = 16_384;

    /// <summary>How much of a file to pass at least when not passing all of it (JPEG metadata can precede the frame header).</summary>
    public const int HeadBytes = 64 * 1024;

    public static ImageInspection Inspect(string? declaredContentType, ReadOnlySpan<byte> head, long totalLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalLength);
        if (head.Length > totalLength)
        {
            throw new ArgumentException("The head is longer than the file.", nameof(head));
        }

        if (ImageFormats.FromContentType(declaredContentType) is not { } declared)
        {
            return ImageInspection.Rejected(
                $"'{declaredContentType}' is not an allowed image type; allowed: {string.Join(", ", ImageContentTypes.Allowed)}.");
        }
        if (totalLength == 0)
        {
            return ImageInspection.Rejected("The file is empty.");
        }
        if (ImageFormats.Sniff(head) is not { } actual)
        {
            return ImageInspection.Rejected($"Declared {declared.ContentType()}, but the file {Describe(head)}.");
        }
        if (actual != declared)
        {
            return ImageInspection.Rejected($"Declared {declared.ContentType()}, but the file is a {actual.DisplayName()} image ({actual.ContentType()}).", actual);
        }

        var data = new ImageData(head, totalLength, actual);
        var result = actual switch
        {
            ImageFormat.Png => PngStructure.Inspect(data),
            ImageFormat.Jpeg => JpegStructure.Inspect(data),
            ImageFormat.Gif => GifStructure.Inspect(data),
            _ => WebPStructure.Inspect(data),
        };
        if (result.IsValid && (result.Width > MaxDimension || result.Height > MaxDimension))
        {
            return ImageInspection.Rejected(
                $"The image is {result.Width}x{result.Height} pixels; at most {MaxDimension} pixels per side are allowed.", actual);
        }
        return result;
    }

    private static string Describe(ReadOnlySpan<byte> head)
    {
        var start = Encoding.UTF8.GetString(head[..Math.Min(head.Length, 512)])
            .TrimStart('\uFEFF', ' ', '\t', '\r', '\n')
            .TrimEnd('\uFFFD'); // a multi-byte character cut at the end is not a sign of binary data
        if (start.StartsWith('<'))
        {
            return "is an HTML or XML document, not an image";
        }
        var printable = start.Count(c => !char.IsControl(c) || char.IsWhiteSpace(c));
        return printable == start.Length && !start.Contains('\uFFFD')
            ? "is text, not an image"
            : "is not a PNG, JPEG, GIF or WebP image";
    }
}
