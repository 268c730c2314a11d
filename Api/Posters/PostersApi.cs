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
            .WithDescription("PUT the image bytes to uploadUrl with the returned headers. The worker checks the bytes are the declared image type, then publishes the poster (posterStatus Published) or rejects it.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<PosterUploadResponse>, ValidationProblem, ProblemHttpResult>> RequestUpload(
        string showId, PosterUploadRequest request, IShowStore shows, IFileStore files, IOptions<FilesOptions> options, CancellationToken ct)
    {
        var limits = options.Value;
        if (request.Validate(limits.MaxPosterBytes) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        if (await shows.GetAsync(showId, ct) is not { } show) return Problem.NotFound("The show");
        if (show.Status == ShowStatus.Cancelled) return Problem.Conflict("Show cancelled", "A cancelled show takes no poster.");

        var key = PosterKey.For(showId, request.ContentType!);
        var upload = await files.CreateUploadAsync(key, request.ContentType!, request.ContentLength!.Value, limits.UploadUrlLifetime, ct);
        await shows.SetPosterAsync(showId, PosterStatus.Pending, key, ct);
        return TypedResults.Ok(new PosterUploadResponse(upload.Url, upload.Method, upload.Headers, upload.ExpiresAt, key));
    }
}

/// <summary>The image about to be uploaded: its type and exact size in bytes.</summary>
public sealed record PosterUploadRequest(string? ContentType, long? ContentLength)
{
    public Dictionary<string, string[]> Validate(long maxBytes)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ImageContentTypes.IsAllowed(ContentType)) errors["contentType"] = [$"One of: {string.Join(", ", ImageContentTypes.Allowed)}."];
        if (ContentLength is not { } length || !PosterSize.IsAllowed(length, maxBytes)) errors["contentLength"] = [$"Between 1 and {maxBytes} bytes."];
        return errors;
    }
}

/// <summary>Where and how to upload: PUT to uploadUrl with exactly these headers before expiresAt.</summary>
public sealed record PosterUploadResponse(Uri UploadUrl, string Method, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ExpiresAt, string Key);
