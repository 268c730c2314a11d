using System.Buffers.Binary;

namespace BoxOffice.Worker.Posters;

/// <summary>
/// WebP: a RIFF container whose size matches the file, form type WEBP, and a first chunk of VP8 (lossy), VP8L
/// (lossless) or VP8X (extended) with a valid header giving the dimensions; chunks must fill the container exactly.
/// </summary>
internal static class WebPStructure
{
    private const int RiffHeader = 12;
    private const int ChunkHeader = 8;

    public static ImageInspection Inspect(ImageData data)
    {
        var bytes = data.Bytes;
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(4));
        if (riffSize + 8L != data.TotalLength)
        {
            return riffSize + 8L > data.TotalLength
                ? data.Truncated($"RIFF container of {riffSize + 8L} bytes ({data.TotalLength} present)")
                : data.Invalid($"the RIFF header says {riffSize + 8L} bytes but the file has {data.TotalLength}");
        }
        if (!data.Has(RiffHeader + ChunkHeader))
        {
            return data.Missing("first chunk header");
        }
        var chunk = bytes.Slice(RiffHeader, 4);
        var payload = RiffHeader + ChunkHeader;
        var result =
            chunk.SequenceEqual("VP8 "u8) ? Lossy(data, payload) :
            chunk.SequenceEqual("VP8L"u8) ? Lossless(data, payload) :
            chunk.SequenceEqual("VP8X"u8) ? Extended(data, payload) :
            data.Invalid("the first chunk is not VP8, VP8L or VP8X");
        return result.IsValid ? WalkChunks(data) ?? result : result;
    }

    private static ImageInspection Lossy(ImageData data, int at)
    {
        if (!data.Has(at + 10))
        {
            return data.Missing("VP8 frame header");
        }
        var bytes = data.Bytes;
        if ((bytes[at] & 0x01) != 0 || !bytes.Slice(at + 3, 3).SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A]))
        {
            return data.Invalid("the VP8 chunk does not start with a key frame");
        }
        var width = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 6)) & 0x3FFF;
        var height = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 8)) & 0x3FFF;
        return width == 0 || height == 0
            ? data.Invalid($"the VP8 frame is {width}x{height} pixels")
            : ImageInspection.Accepted(ImageFormat.WebP, width, height);
    }

    private static ImageInspection Lossless(ImageData data, int at)
    {
        if (!data.Has(at + 5))
        {
            return data.Missing("VP8L header");
        }
        var bytes = data.Bytes;
        var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(at + 1));
        if (bytes[at] != 0x2F || bits >> 29 != 0)
        {
            return data.Invalid("the VP8L header has a wrong signature or version");
        }
        return ImageInspection.Accepted(ImageFormat.WebP, (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
    }

    private static ImageInspection Extended(ImageData data, int at)
    {
        if (!data.Has(at + 10))
        {
            return data.Missing("VP8X header");
        }
        var bytes = data.Bytes;
        if (BinaryPrimitives.ReadUInt32LittleEndian(data.Bytes.Slice(RiffHeader + 4)) < 10)
        {
            return data.Invalid("the VP8X chunk is shorter than 10 bytes");
        }
        var width = (bytes[at + 4] | (bytes[at + 5] << 8) | (bytes[at + 6] << 16)) + 1;
        var height = (bytes[at + 7] | (bytes[at + 8] << 8) | (bytes[at + 9] << 16)) + 1;
        return ImageInspection.Accepted(ImageFormat.WebP, width, height);
    }

    /// <summary>Chunks (each padded to an even size) must end exactly where the RIFF container ends; null when they do.</summary>
    private static ImageInspection? WalkChunks(ImageData data)
    {
        long position = RiffHeader;
        while (position < data.TotalLength)
        {
            if (position + ChunkHeader > data.TotalLength)
            {
                return data.Invalid($"{data.TotalLength - position} stray bytes at the end of the container");
            }
            if (!data.Has(position + ChunkHeader))
            {
                return null; // the rest is beyond the bytes given
            }
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data.Bytes.Slice((int)position + 4));
            position += ChunkHeader + size + (size & 1);
        }
        return position == data.TotalLength ? null : data.Truncated($"chunk ending at byte {position}");
    }
}
