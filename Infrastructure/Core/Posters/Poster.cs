namespace BoxOffice.Core.Posters;

/// <summary>
/// A show's poster: the image on show and the state of the latest upload. The Api starts an upload
/// (<see cref="Upload"/>); the Worker, having inspected the bytes of the very upload the show awaits, publishes or
/// rejects it. An earlier poster stays on show while a newer upload is pending or rejected.
/// </summary>
public sealed record Poster
{
    /// <summary>How long a rejection reason may be; longer ones are cut.</summary>
    public const int MaxReasonLength = 200;

    public static Poster None { get; } = new();

    /// <summary>The state of the latest upload (<see cref="PosterStatus.None"/> before the first).</summary>
    public PosterStatus Status { get; init; } = PosterStatus.None;

    /// <summary>The latest upload's key (<see cref="PosterKey.Upload"/>): the only upload the Worker may act on, while it is pending.</summary>
    public string? UploadKey { get; init; }

    /// <summary>The published image (<see cref="PosterKey.Published"/>), written by the Worker from bytes it inspected; null before the first.</summary>
    public string? PublishedKey { get; init; }

    /// <summary>Why the latest upload was rejected, in a short plain sentence; null unless <see cref="PosterStatus.Rejected"/>.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>True while the show waits for the verdict on the upload stored at <paramref name="uploadKey"/>.</summary>
    public bool Awaits(string uploadKey) => Status == PosterStatus.Pending && UploadKey == uploadKey;

    /// <summary>A new upload was handed out: it replaces any upload before it, whose bytes will be ignored.</summary>
    public Poster Upload(string uploadKey) =>
        this with { Status = PosterStatus.Pending, UploadKey = uploadKey, RejectionReason = null };

    /// <summary>The awaited upload passed inspection and its bytes are stored at <paramref name="publishedKey"/>.</summary>
    public Poster Publish(string uploadKey, string publishedKey)
    {
        EnsureAwaits(uploadKey);
        return this with { Status = PosterStatus.Published, PublishedKey = publishedKey, RejectionReason = null };
    }

    /// <summary>The awaited upload failed inspection; the poster on show (if any) stays.</summary>
    public Poster Reject(string uploadKey, string reason)
    {
        EnsureAwaits(uploadKey);
        var text = string.Join(' ', reason.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0) text = "The file is not a valid image.";
        if (text.Length > MaxReasonLength) text = text[..(MaxReasonLength - 1)] + "…";
        return this with { Status = PosterStatus.Rejected, RejectionReason = text };
    }

    private void EnsureAwaits(string uploadKey)
    {
        if (!Awaits(uploadKey)) throw new InvalidOperationException($"The poster does not await the upload '{uploadKey}'.");
    }
}
