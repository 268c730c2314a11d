using BoxOffice.Core.Files;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Shows;
using BoxOffice.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoxOffice.Worker.Posters;

/// <summary>
/// Inspects an uploaded poster. Only the upload its show awaits is read; any other (stale: a newer upload was
/// requested; or judged already: a repeated delivery) is left unread. Bytes that are the image type the upload was
/// signed for are copied, exactly as inspected, to the poster's own key and published there (the poster they
/// replace is deleted); otherwise the show records the rejection and why. Uploads themselves stay where they are,
/// never served, so their URL cannot store twice (<c>If-None-Match: *</c>), until the bucket expires them
/// (<see cref="UploadLifecycle"/>).
/// </summary>
public sealed class FileUploadedHandler(
    IShowStore shows, IFileStore files, IBoxOfficeMetrics metrics, IOptions<FilesOptions> options, ILogger<FileUploadedHandler> logger)
    : JobHandler<FileUploaded>
{
    public override string JobType => JobTypes.FileUploaded;

    protected override async Task HandleAsync(FileUploaded job, CancellationToken ct)
    {
        if (PosterKey.UploadOf(job.Key) is not { } upload) return;
        var show = await shows.GetAsync(upload.ShowId, ct);
        if (show is null || !show.Poster.Awaits(job.Key))
        {
            logger.LogInformation("Upload {Key} is not the upload its show awaits; left unread", job.Key);
            return;
        }

        byte[] bytes;
        string contentType;
        await using (var file = await files.OpenAsync(job.Key, ct))
        {
            if (file is null) return; // expired unread: nothing to judge
            contentType = file.ContentType;
            var maxBytes = options.Value.MaxPosterBytes;
            if (!PosterSize.IsAllowed(file.Length, maxBytes))
            {
                await RejectAsync(show, job.Key, file.Length == 0 ? "The file is empty." : $"The file is {file.Length} bytes; a poster may have at most {maxBytes}.", ct);
                return;
            }
            bytes = new byte[file.Length];
            await file.Content.ReadExactlyAsync(bytes, ct);
        }

        // The whole file (the upload URL capped its size), so truncation and trailing data are caught too.
        var inspection = ImageInspector.Inspect(contentType, bytes, bytes.Length);
        if (inspection.IsValid) await PublishAsync(show, upload, job.Key, bytes, contentType, ct);
        else await RejectAsync(show, job.Key, inspection.Reason!, ct);
    }

    private async Task PublishAsync(Show show, PosterUpload upload, string uploadKey, byte[] bytes, string contentType, CancellationToken ct)
    {
        // Written from the bytes inspected, not copied from the upload, which may hold others by now.
        var posterKey = PosterKey.Published(upload, contentType);
        await files.PutAsync(posterKey, new MemoryStream(bytes, writable: false), contentType, ct);
        if (!await shows.SetPosterAsync(show.ShowId, show.Poster, show.Poster.Publish(uploadKey, posterKey), ct))
        {
            logger.LogInformation("Upload {Key} was overtaken before it was published", uploadKey);
            var current = await shows.GetAsync(show.ShowId, ct);
            if (current?.Poster.PublishedKey != posterKey) await files.DeleteAsync(posterKey, ct); // unless a repeated delivery published it
            return;
        }
        if (show.Poster.PublishedKey is { } superseded && superseded != posterKey) await files.DeleteAsync(superseded, ct);
        metrics.PosterPublished();
        logger.LogInformation("Poster {Key} published for show {ShowId}", posterKey, show.ShowId);
    }

    private async Task RejectAsync(Show show, string uploadKey, string reason, CancellationToken ct)
    {
        var rejected = show.Poster.Reject(uploadKey, reason);
        if (await shows.SetPosterAsync(show.ShowId, show.Poster, rejected, ct))
        {
            metrics.PosterRejected();
            logger.LogWarning("Poster upload {Key} rejected: {Reason}", uploadKey, rejected.RejectionReason);
        }
    }
}
