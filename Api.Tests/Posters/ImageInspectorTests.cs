using System.Buffers.Binary;
using System.Text;
using BoxOffice.Worker.Posters;

namespace BoxOffice.Api.Tests.Posters;

public sealed class ImageInspectorTests
{
    private static ImageInspection Inspect(string? contentType, byte[] file) => ImageInspector.Inspect(contentType, file, file.Length);

    public static TheoryData<string, byte[], ImageFormat, int, int> ValidImages => new()
    {
        { "image/png", TestImages.Png(3, 2), ImageFormat.Png, 3, 2 },
        { "image/jpeg", TestImages.Jpeg(640, 480), ImageFormat.Jpeg, 640, 480 },
        { "image/gif", TestImages.Gif(5, 7), ImageFormat.Gif, 5, 7 },
        { "image/webp", TestImages.WebPLossy(320, 200), ImageFormat.WebP, 320, 200 },
        { "image/webp", TestImages.WebPLossless(17, 9), ImageFormat.WebP, 17, 9 },
        { "image/webp", TestImages.WebPExtended(1000, 500), ImageFormat.WebP, 1000, 500 },
    };

    [Theory]
    [MemberData(nameof(ValidImages))]
    public void Accepts_a_well_formed_image_of_the_declared_type_with_its_size(string contentType, byte[] file, ImageFormat format, int width, int height)
    {
        var result = Inspect(contentType, file);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(format, result.Format);
        Assert.Equal(width, result.Width);
        Assert.Equal(height, result.Height);
    }

    public static TheoryData<string, byte[], ImageFormat> WrongDeclarations()
    {
        var files = new Dictionary<ImageFormat, byte[]>
        {
            [ImageFormat.Png] = TestImages.Png(2, 2),
            [ImageFormat.Jpeg] = TestImages.Jpeg(2, 2),
            [ImageFormat.Gif] = TestImages.Gif(2, 2),
            [ImageFormat.WebP] = TestImages.WebPLossless(2, 2),
        };
        var data = new TheoryData<string, byte[], ImageFormat>();
        foreach (var (actual, file) in files)
        {
            foreach (var declared in files.Keys.Where(f => f != actual))
            {
                data.Add(declared.ContentType(), file, actual);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WrongDeclarations))]
    public void Rejects_an_image_of_another_type_than_declared_and_names_the_real_one(string declared, byte[] file, ImageFormat actual)
    {
        var result = Inspect(declared, file);

        Assert.False(result.IsValid);
        Assert.Equal(actual, result.Format);
        Assert.Contains(actual.ContentType(), result.Reason);
    }

    [Fact]
    public void Rejects_an_empty_file()
    {
        var result = Inspect("image/png", []);

        Assert.Equal("The file is empty.", result.Reason);
    }

    [Fact]
    public void Rejects_a_text_file_renamed_png()
    {
        var result = Inspect("image/png", Encoding.UTF8.GetBytes("Shopping list:\n- milk\n- eggs\n"));

        Assert.False(result.IsValid);
        Assert.Null(result.Format);
        Assert.Contains("is text", result.Reason);
    }

    [Fact]
    public void Rejects_an_html_page_claiming_to_be_a_gif()
    {
        var result = Inspect("image/gif", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"));

        Assert.False(result.IsValid);
        Assert.Contains("HTML", result.Reason);
    }

    [Fact]
    public void Rejects_unknown_binary_data()
    {
        var result = Inspect("image/jpeg", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x01, 0xFE]);

        Assert.Contains("is not a PNG, JPEG, GIF or WebP image", result.Reason);
    }

    [Theory]
    [InlineData("image/svg+xml")]
    [InlineData("text/html")]
    [InlineData("image/png; charset=binary")]
    [InlineData("IMAGE/PNG")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_a_declared_type_that_is_not_an_allowed_image_type(string? contentType)
    {
        var result = Inspect(contentType, TestImages.Png(1, 1));

        Assert.False(result.IsValid);
        Assert.Contains("is not an allowed image type", result.Reason);
    }

    public static TheoryData<string, byte[]> TruncatedFiles()
    {
        var png = TestImages.Png(4, 4);
        var jpeg = TestImages.Jpeg(8, 8);
        var gif = TestImages.Gif(3, 3);
        var webp = TestImages.WebPLossy(16, 16);
        return new()
        {
            { "image/png", png[..20] },              // inside IHDR
            { "image/png", png[..(png.Length - 12)] }, // IEND cut off
            { "image/png", png[..(png.Length - 20)] }, // inside IDAT
            { "image/jpeg", jpeg[..60] },             // inside DQT, before the frame header
            { "image/jpeg", jpeg[..^2] },             // no end-of-image marker
            { "image/gif", gif[..10] },               // inside the screen descriptor
            { "image/gif", gif[..15] },               // inside the colour table
            { "image/gif", gif[..^1] },               // no trailer
            { "image/webp", webp[..^4] },             // shorter than the RIFF size says
        };
    }

    [Theory]
    [MemberData(nameof(TruncatedFiles))]
    public void Rejects_a_truncated_file(string contentType, byte[] file)
    {
        var result = Inspect(contentType, file);

        Assert.False(result.IsValid);
        Assert.Contains("truncated", result.Reason);
    }

    [Fact]
    public void Given_only_the_first_bytes_it_checks_the_header_and_reports_the_size()
    {
        var png = TestImages.Png(40, 30);
        var jpeg = TestImages.Jpeg(800, 600);
        var sof = IndexOf(jpeg, [0xFF, 0xC0]);

        var pngHead = ImageInspector.Inspect("image/png", png.AsSpan(0, 40), png.Length);
        var jpegHead = ImageInspector.Inspect("image/jpeg", jpeg.AsSpan(0, sof + 12), jpeg.Length);
        var jpegBeforeFrame = ImageInspector.Inspect("image/jpeg", jpeg.AsSpan(0, sof - 4), jpeg.Length);

        Assert.Equal((40, 30), (pngHead.Width, pngHead.Height));
        Assert.Equal((800, 600), (jpegHead.Width, jpegHead.Height));
        Assert.True(jpegBeforeFrame.IsValid, jpegBeforeFrame.Reason);
        Assert.Null(jpegBeforeFrame.Width);
    }

    [Fact]
    public void Given_too_few_first_bytes_it_asks_for_more_instead_of_guessing()
    {
        var png = TestImages.Png(4, 4);

        var result = ImageInspector.Inspect("image/png", png.AsSpan(0, 16), png.Length);

        Assert.False(result.IsValid);
        Assert.Contains("inspect more", result.Reason);
    }

    [Fact]
    public void Png_chunks_carry_the_crc_the_spec_gives()
    {
        // Every PNG ends with these twelve bytes: an empty IEND chunk and its CRC-32.
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }, TestImages.PngChunk("IEND", []));
        Assert.True(Inspect("image/png", TestImages.Png(2, 2)).IsValid);
    }

    [Fact]
    public void Rejects_a_png_whose_ihdr_crc_is_wrong()
    {
        var png = TestImages.Png(4, 4);
        png[29] ^= 0xFF; // first CRC byte of IHDR

        Assert.Contains("CRC", Inspect("image/png", png).Reason);
    }

    [Theory]
    [InlineData(0, 4, 2, 8)]   // zero width
    [InlineData(4, 4, 2, 4)]   // RGB needs 8 or 16 bits
    [InlineData(4, 4, 5, 8)]   // no colour type 5
    public void Rejects_a_png_with_an_invalid_header(int width, int height, byte colorType, byte bitDepth)
    {
        var result = Inspect("image/png", TestImages.Png(width, height, colorType, bitDepth));

        Assert.False(result.IsValid);
        Assert.Contains("IHDR", result.Reason);
    }

    [Fact]
    public void Rejects_a_png_without_image_data()
    {
        var png = TestImages.Png(1, 1);
        var headerEnd = 8 + 25;
        byte[] noData = [.. png[..headerEnd], .. TestImages.PngChunk("IEND", [])];

        Assert.Contains("IDAT", Inspect("image/png", noData).Reason);
    }

    [Fact]
    public void Rejects_a_png_with_something_appended()
    {
        byte[] polyglot = [.. TestImages.Png(2, 2), .. "PK\u0003\u0004 zip archive"u8];

        Assert.Contains("follow the IEND chunk", Inspect("image/png", polyglot).Reason);
    }

    [Fact]
    public void Rejects_images_larger_than_the_limit()
    {
        var result = Inspect("image/webp", TestImages.WebPExtended(ImageInspector.MaxDimension + 1, 10));

        Assert.False(result.IsValid);
        Assert.Contains($"at most {ImageInspector.MaxDimension} pixels", result.Reason);
    }

    [Fact]
    public void Rejects_a_jpeg_whose_scan_comes_before_a_frame_header()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0, 0x12, 0xFF, 0xD9];

        Assert.Contains("scan starts before any frame header", Inspect("image/jpeg", jpeg).Reason);
    }

    [Fact]
    public void Rejects_a_jpeg_with_a_zero_height_frame_or_garbage_instead_of_a_marker()
    {
        var zeroHeight = TestImages.Jpeg(8, 0);
        var garbage = TestImages.Jpeg(8, 8);
        garbage[20] = 0x41; // where the DQT marker follows the 18-byte APP0 segment

        Assert.Contains("0 pixels", Inspect("image/jpeg", zeroHeight).Reason);
        Assert.Contains("expected a marker at byte 20", Inspect("image/jpeg", garbage).Reason);
    }

    [Fact]
    public void Rejects_a_gif_with_an_empty_screen_or_a_bad_first_block()
    {
        var badBlock = TestImages.Gif(2, 2);
        badBlock[19] = 0x00; // the image descriptor's introducer, after the 6-byte colour table

        Assert.Contains("0x2 pixels", Inspect("image/gif", TestImages.Gif(0, 2)).Reason);
        Assert.Contains("neither an image nor an extension", Inspect("image/gif", badBlock).Reason);
    }

    [Fact]
    public void Rejects_a_webp_with_an_unknown_chunk_a_bad_header_or_a_size_mismatch()
    {
        var unknown = TestImages.Riff(TestImages.RiffChunk("VP9 ", [1, 2, 3, 4]));
        var badSignature = TestImages.WebPLossless(4, 4);
        badSignature[20] = 0x2E;
        var notKeyFrame = TestImages.WebPLossy(4, 4);
        notKeyFrame[20] |= 0x01;
        var longerThanSaid = TestImages.WebPLossless(4, 4);
        BinaryPrimitives.WriteInt32LittleEndian(longerThanSaid.AsSpan(4), longerThanSaid.Length - 20);

        Assert.Contains("not VP8, VP8L or VP8X", Inspect("image/webp", unknown).Reason);
        Assert.Contains("signature or version", Inspect("image/webp", badSignature).Reason);
        Assert.Contains("key frame", Inspect("image/webp", notKeyFrame).Reason);
        Assert.Contains("the RIFF header says", Inspect("image/webp", longerThanSaid).Reason);
    }

    [Fact]
    public void A_head_longer_than_the_file_is_a_caller_error()
    {
        Assert.Throws<ArgumentException>(() => ImageInspector.Inspect("image/png", TestImages.Png(1, 1), 10));
    }

    private static int IndexOf(byte[] data, byte[] pattern) => data.AsSpan().IndexOf(pattern);
}
