namespace BoxOffice.Worker.Posters;

/// <summary>The verdict on an uploaded image: accepted with its format (and size when the header gives it), or rejected with why.</summary>
public sealed record ImageInspection
{
    public ImageFormat? Format { get; private init; }

    public int? Width { get; private init; }

    public int? Height { get; private init; }

    /// <summary>Why the bytes were rejected; null when valid.</summary>
    public string? Reason { get; private init; }

    public bool IsValid => Reason is null;

    public static ImageInspection Accepted(ImageFormat format, int? width, int? height) =>
        new() { Format = format, Width = width, Height = height };

    public static ImageInspection Rejected(string reason, ImageFormat? detected = null) =>
        new() { Format = detected, Reason = reason };
}
