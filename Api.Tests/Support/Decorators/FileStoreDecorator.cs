using BoxOffice.Core.Files;

namespace BoxOffice.Api.Tests.Support.Decorators;

/// <summary>An <see cref="IFileStore"/> that passes every call to <paramref name="inner"/>; tests override the calls they change.</summary>
public class FileStoreDecorator(IFileStore inner) : IFileStore
{
    public virtual Task<PresignedUpload> CreateUploadAsync(string key, string contentType, long contentLength, TimeSpan lifetime, CancellationToken ct) =>
        inner.CreateUploadAsync(key, contentType, contentLength, lifetime, ct);

    public virtual Task<Uri> CreateDownloadUrlAsync(string key, TimeSpan lifetime, CancellationToken ct) => inner.CreateDownloadUrlAsync(key, lifetime, ct);

    public virtual Task PutAsync(string key, Stream content, string contentType, CancellationToken ct) => inner.PutAsync(key, content, contentType, ct);

    public virtual Task<StoredFile?> OpenAsync(string key, CancellationToken ct) => inner.OpenAsync(key, ct);

    public virtual Task DeleteAsync(string key, CancellationToken ct) => inner.DeleteAsync(key, ct);
}
