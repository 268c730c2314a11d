using System.ComponentModel.DataAnnotations;
using BoxOffice.Api.Identity;
using BoxOffice.Api.Problems;
using BoxOffice.Core.Files;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Shows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Posters;

public static class PostersApi
{
    public static IEndpointRouteBuilder MapPostersApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/shows/{showId:id}/poster", RequestUpload)
            .RequireAuthorization(AuthenticationSetup.AdminPolicy)
            .WithTags("Shows").WithName("RequestPosterUpload")
            .WithSummary("Get a signed, expiring URL to upload the show's poster (admin)")
            .WithDescription("PUT the image bytes to uploadUrl with the returned headers (If-None-Match: * among them: the URL stores once and never overwrites). " +
                "The worker checks the bytes are the declared image type, then publishes a copy of them as the poster (posterStatus Published) or rejects the upload " +
                "(posterStatus Rejected, posterRejectionReason says why). A new upload URL makes any earlier one stale: its bytes are ignored.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>How often the poster state is read again when it moved between reading and writing it.</summary>
    private const int Attempts = 3;

    private static async Task<Results<Ok<PosterUploadResponse>, ProblemHttpResult>> RequestUpload(
        string showId, PosterUploadRequest request, IShowStore shows, IFileStore files, IOptions<FilesOptions> options, CancellationToken ct)
    {
        var key = PosterKey.Upload(showId);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await shows.GetAsync(showId, ct) is not { } show) return Problem.NotFound("The show");
            if (show.Status == ShowStatus.Cancelled) return Problem.Conflict("Show cancelled", "A cancelled show takes no poster.");
            if (!await shows.SetPosterAsync(showId, show.Poster, show.Poster.Upload(key), ct)) continue;

            var upload = await files.CreateUploadAsync(key, request.ContentType!, request.ContentLength!.Value, options.Value.UploadUrlLifetime, ct);
            return TypedResults.Ok(new PosterUploadResponse(upload.Url, upload.Method, upload.Headers, upload.ExpiresAt, key));
        }
        return Problem.Conflict("Poster busy", "The show's poster kept changing while this upload was prepared. Try again.");
    }
}

/// <summary>The image about to be uploaded: its type and exact size in bytes.</summary>
/// <param name="ContentType">image/png, image/jpeg, image/gif or image/webp; the bytes must really be of that type.</param>
/// <param name="ContentLength">Exact size in bytes, at most BoxOffice:Files:MaxPosterBytes (default 5 MiB).</param>
public sealed record PosterUploadRequest(
    [property: Required(ErrorMessage = "Required."),
        AllowedValues(ImageContentTypes.Png, ImageContentTypes.Jpeg, ImageContentTypes.Gif, ImageContentTypes.WebP,
            ErrorMessage = "One of: image/png, image/jpeg, image/gif, image/webp.")]
    string? ContentType,
    [property: Required(ErrorMessage = "Required."), Range(1, long.MaxValue, ErrorMessage = "At least {1} byte.")]
    long? ContentLength) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var maxBytes = validationContext.GetRequiredService<IOptions<FilesOptions>>().Value.MaxPosterBytes;
        if (ContentLength is { } length && !PosterSize.IsAllowed(length, maxBytes))
            yield return new ValidationResult($"Between 1 and {maxBytes} bytes.", [nameof(ContentLength)]);
    }
}

/// <summary>Where and how to upload: PUT to uploadUrl with exactly these headers before expiresAt.</summary>
public sealed record PosterUploadResponse(Uri UploadUrl, string Method, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ExpiresAt, string Key);
