namespace BoxOffice.Worker.Posters;

/// <summary>The bytes under inspection: the whole file, or only its first bytes when <see cref="IsComplete"/> is false.</summary>
internal readonly ref struct ImageData(ReadOnlySpan<byte> bytes, long totalLength, ImageFormat format)
{
    public ReadOnlySpan<byte> Bytes { get; } = bytes;

    public long TotalLength { get; } = totalLength;

    public ImageFormat Format { get; } = format;

    public bool IsComplete => Bytes.Length == TotalLength;

    public bool Has(long count) => Bytes.Length >= count;

    /// <summary>A rejection for a structure that ends before <paramref name="part"/> does.</summary>
    public ImageInspection Missing(string part) => IsComplete
        ? Truncated(part)
        : ImageInspection.Rejected($"The first {Bytes.Length} bytes do not hold the whole {part}; inspect more of the file.", Format);

    /// <summary>A rejection for a structure that the file's total length proves cut off.</summary>
    public ImageInspection Truncated(string part) =>
        ImageInspection.Rejected($"The {Format.DisplayName()} file is truncated: {part} is incomplete.", Format);

    public ImageInspection Invalid(string why) => ImageInspection.Rejected($"Not a valid {Format.DisplayName()} file: {why}.", Format);
}
