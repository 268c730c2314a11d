using System.Buffers.Binary;

namespace BoxOffice.Worker.Posters;

/// <summary>
/// JPEG: SOI, then marker segments with consistent lengths up to a frame header (SOF) that gives the dimensions;
/// a whole file must then have a scan (SOS) and an end-of-image marker after it.
/// </summary>
internal static class JpegStructure
{
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;

    public static ImageInspection Inspect(ImageData data)
    {
        var bytes = data.Bytes;
        var position = 2;
        (int Width, int Height)? frame = null;
        while (true)
        {
            if (!data.Has(position + 2))
            {
                return data.IsComplete ? data.Missing("marker segment sequence") : Partial(frame);
            }
            if (bytes[position] != 0xFF)
            {
                return data.Invalid($"expected a marker at byte {position}");
            }
            var marker = bytes[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }
            if (marker is 0x00 or StartOfImage or EndOfImage || marker is >= 0xD0 and <= 0xD7)
            {
                return data.Invalid($"unexpected marker 0x{marker:X2} before the image data");
            }
            if (marker == 0x01)
            {
                position += 2; // TEM stands alone
                continue;
            }
            if (!data.Has(position + 4))
            {
                return data.IsComplete ? data.Missing("marker segment") : Partial(frame);
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 2));
            if (length < 2)
            {
                return data.Invalid($"segment at byte {position} has length {length}");
            }
            if (position + 2 + length > data.TotalLength)
            {
                return data.Truncated($"segment at byte {position}");
            }
            if (marker == StartOfScan)
            {
                if (frame is not { } size)
                {
                    return data.Invalid("a scan starts before any frame header");
                }
                return !data.IsComplete || HasEndOfImage(bytes.Slice(position + 2 + length))
                    ? ImageInspection.Accepted(ImageFormat.Jpeg, size.Width, size.Height)
                    : data.Missing("image data (no end-of-image marker)");
            }
            if (IsStartOfFrame(marker))
            {
                if (frame is not null)
                {
                    return data.Invalid("more than one frame header");
                }
                if (!data.Has(position + 10))
                {
                    return data.IsComplete ? data.Missing("frame header") : Partial(frame);
                }
                var components = bytes[position + 9];
                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 5));
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 7));
                if (components is < 1 or > 4 || length != 8 + (3 * components) || bytes[position + 4] is not (8 or 12 or 16))
                {
                    return data.Invalid("the frame header is malformed");
                }
                if (width == 0 || height == 0)
                {
                    return data.Invalid($"the frame header gives {width}x{height} pixels");
                }
                frame = (width, height);
            }
            position += 2 + length;
        }
    }

    /// <summary>Only the first bytes were given and they end inside the header segments: accept what was seen.</summary>
    private static ImageInspection Partial((int Width, int Height)? frame) =>
        ImageInspection.Accepted(ImageFormat.Jpeg, frame?.Width, frame?.Height);

    /// <summary>In entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so FF D9 is the real end.</summary>
    private static bool HasEndOfImage(ReadOnlySpan<byte> scan) =>
        scan.IndexOf((ReadOnlySpan<byte>)[0xFF, EndOfImage]) >= 0;

    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
}
