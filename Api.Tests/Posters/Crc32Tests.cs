using BoxOffice.Worker.Posters;

namespace BoxOffice.Api.Tests.Posters;

public sealed class Crc32Tests
{
    [Fact]
    public void Matches_the_standard_check_value_and_the_crc_of_every_png_iend_chunk()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }
}
