using System.Buffers.Binary;

namespace BoxOffice.Worker.Posters;

/// <summary>
/// GIF: GIF87a/GIF89a, a logical screen descriptor with non-zero size, the global colour table it announces, then an
/// image descriptor or extension; a whole file must end with the trailer byte.
/// </summary>
internal static class GifStructure
{
    private const int ScreenDescriptorEnd = 13;
    private const byte ImageDescriptor = 0x2C;
    private const byte Extension = 0x21;
    private const byte Trailer = 0x3B;

    public static ImageInspection Inspect(ImageData data)
    {
        var bytes = data.Bytes;
        if (!data.Has(ScreenDescriptorEnd))
        {
            return data.Missing("logical screen descriptor");
        }
        var width = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(6));
        var height = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(8));
        if (width == 0 || height == 0)
        {
            return data.Invalid($"the logical screen is {width}x{height} pixels");
        }
        var packed = bytes[10];
        var colorTable = (packed & 0x80) != 0 ? 3 * (2 << (packed & 0x07)) : 0;
        var firstBlock = ScreenDescriptorEnd + colorTable;
        if (firstBlock >= data.TotalLength)
        {
            return data.Truncated("global colour table");
        }
        if (data.Has(firstBlock + 1) && bytes[firstBlock] is not (ImageDescriptor or Extension))
        {
            return data.Invalid($"byte {firstBlock} starts neither an image nor an extension");
        }
        if (data.IsComplete && bytes[^1] != Trailer)
        {
            return data.Missing("block sequence (no trailer)");
        }
        return ImageInspection.Accepted(ImageFormat.Gif, width, height);
    }
}
