namespace BoxOffice.Core.Files;

/// <summary>File storage port: private objects reached through short-lived signed URLs.</summary>
public interface IFileStore
{
    /// <summary>
    /// A URL the client PUTs the bytes to; it binds the content type and exact length, expires, and only creates: it
    /// carries <c>If-None-Match: *</c>, so a PUT to a key that holds an object is refused (412) and nothing is overwritten.
    /// </summary>
    Task<PresignedUpload> CreateUploadAsync(string key, string contentType, long contentLength, TimeSpan lifetime, CancellationToken ct);

    /// <summary>A URL that serves the object, as a download (attachment) of its stored content type, until it expires.</summary>
    Task<Uri> CreateDownloadUrlAsync(string key, TimeSpan lifetime, CancellationToken ct);

    Task PutAsync(string key, Stream content, string contentType, CancellationToken ct);

    /// <summary>Opens the object, or null when it does not exist. The caller disposes the stream.</summary>
    Task<StoredFile?> OpenAsync(string key, CancellationToken ct);

    /// <summary>Removes the object; no error when it is already gone.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}
