using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace BoxOffice.Api.Tests.Posters;

/// <summary>Small images built byte by byte from the format specifications.</summary>
internal static class TestImages
{
    /// <summary>A real, decodable RGB PNG: IHDR, zlib-compressed IDAT of filter-0 rows, IEND.</summary>
    public static byte[] Png(int width, int height, byte colorType = 2, byte bitDepth = 8)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colorType;

        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                raw.Write([(byte)(x * 40), (byte)(y * 40), 200]);
            }
        }
        var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.WriteTo(zlib);
        }

        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. PngChunk("IHDR", header),
            .. PngChunk("IDAT", idat.ToArray()), .. PngChunk("IEND", [])];
    }

    public static byte[] PngChunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.HashToUInt32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>Baseline JPEG segments: SOI, APP0 (JFIF), DQT, SOF0, DHT, SOS, a little scan data, EOI.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        byte[] dqt = [0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)1, 64)];
        byte[] sof0 = [0xFF, 0xC0, 0x00, 0x0B, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0];
        byte[] dht = [0xFF, 0xC4, 0x00, 0x14, 0x00, 1, .. new byte[15], 0x00];
        byte[] sos = [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 0, 0x3F, 0];
        return [0xFF, 0xD8, .. app0, .. dqt, .. sof0, .. dht, .. sos, 0x00, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD9];
    }

    /// <summary>GIF89a with a two-colour global table and one image (the classic 1x1 pixel data).</summary>
    public static byte[] Gif(int width, int height)
    {
        byte[] screen = [(byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x80, 0, 0];
        byte[] colors = [0, 0, 0, 255, 255, 255];
        byte[] image = [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00];
        return [.. "GIF89a"u8, .. screen, .. colors, .. image, 0x3B];
    }

    /// <summary>Lossy WebP: a VP8 key frame header (frame tag, start code, 14-bit sizes) and some frame bytes.</summary>
    public static byte[] WebPLossy(int width, int height)
    {
        byte[] frame = [0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 1, 2, 3, 4];
        return Riff(RiffChunk("VP8 ", frame));
    }

    /// <summary>Lossless WebP: signature 0x2F then 14-bit width-1 and height-1, alpha flag and a zero version.</summary>
    public static byte[] WebPLossless(int width, int height) => Riff(RiffChunk("VP8L", Vp8LHeader(width, height)));

    /// <summary>Extended WebP: a VP8X canvas header followed by the image's VP8L chunk.</summary>
    public static byte[] WebPExtended(int width, int height)
    {
        byte[] vp8x = [0x10, 0, 0, 0, (byte)(width - 1), (byte)((width - 1) >> 8), (byte)((width - 1) >> 16),
            (byte)(height - 1), (byte)((height - 1) >> 8), (byte)((height - 1) >> 16)];
        return Riff([.. RiffChunk("VP8X", vp8x), .. RiffChunk("VP8L", Vp8LHeader(width, height))]);
    }

    public static byte[] RiffChunk(string fourCc, byte[] data)
    {
        var chunk = new byte[8 + data.Length + (data.Length & 1)];
        Encoding.ASCII.GetBytes(fourCc).CopyTo(chunk, 0);
        BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(4), data.Length);
        data.CopyTo(chunk, 8);
        return chunk;
    }

    public static byte[] Riff(byte[] chunks)
    {
        var file = new byte[12 + chunks.Length];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(4), 4 + chunks.Length);
        "WEBP"u8.CopyTo(file.AsSpan(8));
        chunks.CopyTo(file, 12);
        return file;
    }

    private static byte[] Vp8LHeader(int width, int height)
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14) | (1u << 28);
        var header = new byte[] { 0x2F, 0, 0, 0, 0, 7, 7, 7 };
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(1), bits);
        return header;
    }
}
