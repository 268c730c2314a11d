using BoxOffice.Core.Files;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Shows;
using BoxOffice.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoxOffice.Worker.Posters;

/// <summary>
/// Inspects an uploaded poster: kept and published when the bytes are the image type the upload was signed for,
/// otherwise deleted and marked rejected (an upload whose deletion never happens expires, as it was never kept). Uploads outside <c>posters/</c> and stale ones (the show has moved on) are ignored.
/// </summary>
public sealed class FileUploadedHandler(
    IShowStore shows, IFileStore files, IBoxOfficeMetrics metrics, IOptions<FilesOptions> options, ILogger<FileUploadedHandler> logger)
    : JobHandler<FileUploaded>
{
    public override string JobType => JobTypes.FileUploaded;

    protected override async Task HandleAsync(FileUploaded job, CancellationToken ct)
    {
        if (PosterKey.ShowIdOf(job.Key) is not { } showId) return;
        var show = await shows.GetAsync(showId, ct);
        if (show is null || show.PosterKey != job.Key)
        {
            logger.LogInformation("Upload {Key} is not the pending poster of its show; deleting it", job.Key);
            await files.DeleteAsync(job.Key, ct);
            return;
        }
        if (show.PosterStatus == PosterStatus.Published) return;

        await using var file = await files.OpenAsync(job.Key, ct);
        if (file is null) return; // already rejected and deleted by an earlier delivery
        // The whole file (the upload URL capped its size), so truncation and trailing data are caught too.
        var inspection = !PosterSize.IsAllowed(file.Length, options.Value.MaxPosterBytes)
            ? ImageInspection.Rejected($"not between 1 and {options.Value.MaxPosterBytes} bytes")
            : ImageInspector.Inspect(file.ContentType, await ReadAllAsync(file, ct), file.Length);
        if (inspection.IsValid)
        {
            await files.KeepAsync(job.Key, ct);
            await shows.SetPosterAsync(showId, PosterStatus.Published, job.Key, ct);
            metrics.PosterPublished();
            logger.LogInformation("Poster {Key} published for show {ShowId}", job.Key, showId);
            return;
        }
        await files.DeleteAsync(job.Key, ct);
        await shows.SetPosterAsync(showId, PosterStatus.Rejected, null, ct);
        metrics.PosterRejected();
        logger.LogWarning("Poster {Key} rejected: {Reason}", job.Key, inspection.Reason);
    }

    private static async Task<byte[]> ReadAllAsync(StoredFile file, CancellationToken ct)
    {
        var bytes = new byte[file.Length];
        await file.Content.ReadExactlyAsync(bytes, ct);
        return bytes;
    }
}
