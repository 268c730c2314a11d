using System.Buffers.Binary;
using System.IO.Compression;
using BoxOffice.Api.Tests.Posters;

namespace BoxOffice.Api.Tests.Browser;

/// <summary>Poster-like PNGs for the screenshots: a vertical two-colour gradient with a soft disc.</summary>
internal static class PosterImages
{
    public static byte[] Gradient((byte R, byte G, byte B) top, (byte R, byte G, byte B) bottom, int width = 240, int height = 360)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            var t = (double)y / (height - 1);
            for (var x = 0; x < width; x++)
            {
                var dx = x - (width * 0.62);
                var dy = y - (height * 0.36);
                var glow = Math.Max(0, 1 - (Math.Sqrt((dx * dx) + (dy * dy)) / (width * 0.42)));
                raw.WriteByte(Mix(top.R, bottom.R, t, glow));
                raw.WriteByte(Mix(top.G, bottom.G, t, glow));
                raw.WriteByte(Mix(top.B, bottom.B, t, glow));
            }
        }
        var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true)) raw.WriteTo(zlib);
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. TestImages.PngChunk("IHDR", header),
            .. TestImages.PngChunk("IDAT", idat.ToArray()), .. TestImages.PngChunk("IEND", [])];
    }

    private static byte Mix(byte a, byte b, double t, double glow)
    {
        var value = (a * (1 - t)) + (b * t);
        return (byte)Math.Clamp(value + ((255 - value) * glow * 0.55), 0, 255);
    }
}
