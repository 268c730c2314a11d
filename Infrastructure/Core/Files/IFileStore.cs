namespace BoxOffice.Core.Files;

/// <summary>File storage port: private objects reached through short-lived signed URLs.</summary>
public interface IFileStore
{
    /// <summary>A URL the client PUTs the bytes to; it binds the content type and exact length and expires.</summary>
    Task<PresignedUpload> CreateUploadAsync(string key, string contentType, long contentLength, TimeSpan lifetime, CancellationToken ct);

    /// <summary>A URL that serves the object until it expires.</summary>
    Task<Uri> CreateDownloadUrlAsync(string key, TimeSpan lifetime, CancellationToken ct);

    Task PutAsync(string key, Stream content, string contentType, CancellationToken ct);

    /// <summary>Opens the object, or null when it does not exist. The caller disposes the stream.</summary>
    Task<StoredFile?> OpenAsync(string key, CancellationToken ct);

    /// <summary>
    /// Keeps an object that came in through an upload URL. Uploads not kept are abandoned and expire where the store
    /// expires them (the S3 bucket's lifecycle rule, see <see cref="UploadLifecycle"/>); the local store keeps every file.
    /// </summary>
    Task KeepAsync(string key, CancellationToken ct);

    /// <summary>Removes the object; no error when it is already gone.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}
