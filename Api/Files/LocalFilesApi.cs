using System.Globalization;
using BoxOffice.Adapters.Local.Files;
using BoxOffice.Api.Problems;
using BoxOffice.Core.Jobs;
using BoxOffice.Hosting.Composition;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Files;

/// <summary>
/// The local twin of S3 presigned URLs: GET and PUT on <c>/files/{key}</c>, authorised by the signature in the
/// query string rather than a token. A PUT must match the signed content type and length exactly and carry
/// <c>If-None-Match: *</c>; like S3's conditional write it only creates (412 when the key holds an object). A stored
/// upload raises the same <c>file.uploaded</c> job an S3 event notification would. Files are served as downloads
/// that a browser must not sniff or run: <c>nosniff</c> and a CSP that allows nothing.
/// </summary>
public static class LocalFilesApi
{
    /// <summary>The policy of every file served: no script, no style, no plugin, a sandboxed opaque origin.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; sandbox";

    public static IEndpointRouteBuilder MapLocalFilesApi(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IOptions<BoxOfficeOptions>>().Value.Shape != RuntimeShape.Local) return app;
        var files = app.MapGroup("/files").WithTags("Local files");
        files.MapGet("/{**key}", Download).WithName("DownloadFile").WithSummary("Signed download (local twin of an S3 presigned GET)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        files.MapPut("/{**key}", Upload).WithName("UploadFile").WithSummary("Signed upload (local twin of an S3 presigned PUT)")
            .Accepts<byte[]>("image/png", "image/jpeg", "image/gif", "image/webp", "application/octet-stream").DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        string key, long? expires, string? sig, HttpResponse response, LocalFileStore store, LocalUrlSigner signer, TimeProvider clock, CancellationToken ct)
    {
        if (Refuse(key, expires, sig, clock, s => signer.Verify(s, "GET", key, expires!.Value)) is { } refused) return refused;
        if (await store.OpenAsync(key, ct) is not { } file) return Problem.NotFound("The file");
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return TypedResults.Stream(file.Content, file.ContentType, Path.GetFileName(key));
    }

    private static async Task<Results<Ok, ProblemHttpResult>> Upload(
        string key, long? expires, string? type, long? length, string? sig, HttpContext http,
        LocalFileStore store, LocalUrlSigner signer, IJobPublisher jobs, TimeProvider clock, CancellationToken ct)
    {
        if (type is null || length is null) return Denied("The URL is not an upload URL.");
        if (Refuse(key, expires, sig, clock, s => signer.Verify(s, "PUT", key, expires!.Value, type, length)) is { } refused) return refused;
        if (!string.Equals(http.Request.ContentType, type, StringComparison.OrdinalIgnoreCase))
            return Denied($"Content-Type must be {type}, as signed.");
        if (http.Request.ContentLength != length)
            return Denied($"Content-Length must be {length.Value.ToString(CultureInfo.InvariantCulture)}, as signed.");
        if (http.Request.Headers.IfNoneMatch.ToString() != "*")
            return Denied($"{LocalFileStore.CreateOnlyHeader} must be *, as signed.");
        if (store.Exists(key)) return AlreadyStored(); // before reading a body that would be refused
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = length;

        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, ct);
        if (body.Length != length) return Problem.Of(StatusCodes.Status400BadRequest, "Incomplete upload", "The body is shorter than Content-Length.");
        body.Position = 0;
        if (!await store.TryCreateAsync(key, body, type, ct)) return AlreadyStored();
        await jobs.PublishAsync(JobTypes.FileUploaded, new FileUploaded(key, length.Value), ct);
        return TypedResults.Ok();
    }

    private static ProblemHttpResult? Refuse(string key, long? expires, string? sig, TimeProvider clock, Func<string, bool> verify)
    {
        if (!LocalFileStore.IsValidKey(key) || expires is null || string.IsNullOrEmpty(sig) || !verify(sig)) return Denied("The signature does not match.");
        if (DateTimeOffset.FromUnixTimeSeconds(expires.Value) < clock.GetUtcNow()) return Denied("The URL has expired.");
        return null;
    }

    private static ProblemHttpResult AlreadyStored() => Problem.Of(StatusCodes.Status412PreconditionFailed, "Already uploaded",
        "This upload URL has stored its file already and does not overwrite it. Request a new upload URL.");

    private static ProblemHttpResult Denied(string detail) => Problem.Of(StatusCodes.Status403Forbidden, "Access denied", detail);
}
