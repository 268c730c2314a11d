namespace BoxOffice.Core.Files;

/// <summary>Section <c>BoxOffice:Files</c>: signed URL lifetimes and upload limits.</summary>
public sealed class FilesOptions
{
    public const string Section = "BoxOffice:Files";

    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public long MaxPosterBytes { get; set; } = 5 * 1024 * 1024;
}
