using System.Buffers.Binary;
using System.IO.Hashing;

namespace BoxOffice.Worker.Posters;

/// <summary>
/// PNG: signature, an IHDR chunk with sane values and a valid CRC first, then well-formed chunks; a whole file must
/// hold image data and end with IEND.
/// </summary>
internal static class PngStructure
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private const int ChunkOverhead = 12; // length, type, CRC

    public static ImageInspection Inspect(ImageData data)
    {
        var bytes = data.Bytes;
        if (!data.Has(Signature.Length + ChunkOverhead + 13))
        {
            return data.Missing("IHDR chunk");
        }
        var ihdr = bytes.Slice(Signature.Length);
        if (BinaryPrimitives.ReadUInt32BigEndian(ihdr) != 13 || !ihdr.Slice(4, 4).SequenceEqual("IHDR"u8))
        {
            return data.Invalid("the first chunk is not a 13-byte IHDR");
        }
        if (!CrcMatches(ihdr, 13))
        {
            return data.Invalid("the IHDR chunk's CRC does not match");
        }
        var width = BinaryPrimitives.ReadUInt32BigEndian(ihdr.Slice(8));
        var height = BinaryPrimitives.ReadUInt32BigEndian(ihdr.Slice(12));
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            return data.Invalid($"IHDR gives {width}x{height} pixels");
        }
        if (!ValidDepth(colorType: ihdr[17], bitDepth: ihdr[16]) || ihdr[18] != 0 || ihdr[19] != 0 || ihdr[20] > 1)
        {
            return data.Invalid("IHDR has an invalid bit depth, colour type, compression, filter or interlace method");
        }
        return WalkChunks(data) ?? ImageInspection.Accepted(ImageFormat.Png, (int)width, (int)height);
    }

    /// <summary>Checks every chunk the bytes hold; null when they are well formed.</summary>
    private static ImageInspection? WalkChunks(ImageData data)
    {
        var bytes = data.Bytes;
        long position = Signature.Length;
        var sawImageData = false;
        while (data.Has(position + 8))
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice((int)position));
            var type = bytes.Slice((int)position + 4, 4);
            if (length > int.MaxValue || !IsChunkType(type))
            {
                return data.Invalid($"malformed chunk at byte {position}");
            }
            var end = position + ChunkOverhead + length;
            if (end > data.TotalLength)
            {
                return data.Truncated($"chunk at byte {position}");
            }
            if (!data.Has(end))
            {
                return null; // the rest is beyond the bytes given
            }
            if (!CrcMatches(bytes.Slice((int)position), (int)length))
            {
                return data.Invalid($"the CRC of the chunk at byte {position} does not match");
            }
            sawImageData |= type.SequenceEqual("IDAT"u8);
            if (type.SequenceEqual("IEND"u8))
            {
                if (!sawImageData)
                {
                    return data.Invalid("no image data (IDAT) before IEND");
                }
                return end == data.TotalLength ? null : data.Invalid($"{data.TotalLength - end} bytes follow the IEND chunk");
            }
            position = end;
        }
        return data.IsComplete ? data.Missing("chunk sequence (no IEND)") : null;
    }

    private static bool CrcMatches(ReadOnlySpan<byte> chunk, int length) =>
        Crc32.HashToUInt32(chunk.Slice(4, 4 + length)) == BinaryPrimitives.ReadUInt32BigEndian(chunk.Slice(8 + length));

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }
        return true;
    }

    private static bool ValidDepth(byte colorType, byte bitDepth) => colorType switch
    {
        0 => bitDepth is 1 or 2 or 4 or 8 or 16,
        3 => bitDepth is 1 or 2 or 4 or 8,
        2 or 4 or 6 => bitDepth is 8 or 16,
        _ => false,
    };
}
