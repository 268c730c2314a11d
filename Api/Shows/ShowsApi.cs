using BoxOffice.Api.Identity;
using BoxOffice.Api.OpenApi;
using BoxOffice.Api.Paging;
using BoxOffice.Api.Problems;
using BoxOffice.Api.Security;
using BoxOffice.Core.Files;
using BoxOffice.Core.Ids;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Shows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Shows;

public static class ShowsApi
{
    public const string IfMatchHeader = "If-Match";
    private const int MaxEditAttempts = 3;
    private const string ETagMeaning = "The show's version as a strong ETag; send it back in If-Match to edit the show.";

    public static IEndpointRouteBuilder MapShowsApi(this IEndpointRouteBuilder app)
    {
        var shows = app.MapGroup("/shows").WithTags("Shows");
        shows.MapGet("/", ListShows).AllowRevalidatedCaching()
            .WithName("ListShows").WithSummary("Shows on sale, soonest first")
            .WithDescription("Cursor paging: pass the returned nextCursor as cursor to get the next page.")
            .ProducesValidationProblem();
        shows.MapGet("/{showId:id}", GetShow).AllowRevalidatedCaching()
            .WithName("GetShow").WithSummary("One show, with its ETag")
            .ProducesHeader(StatusCodes.Status200OK, "ETag", ETagMeaning)
            .ProducesProblem(StatusCodes.Status404NotFound);
        shows.MapPost("/", CreateShow)
            .RequireAuthorization(AuthenticationSetup.AdminPolicy)
            .WithName("CreateShow").WithSummary("Create a show (admin)")
            .ProducesHeader(StatusCodes.Status201Created, "Location", "The new show: /shows/{showId}.")
            .ProducesHeader(StatusCodes.Status201Created, "ETag", ETagMeaning)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        shows.MapPatch("/{showId:id}", PatchShow)
            .RequireAuthorization(AuthenticationSetup.AdminPolicy)
            .WithName("PatchShow").WithSummary("Edit a show (admin); If-Match with the show's ETag is required")
            .RequiresHeader(IfMatchHeader, "The ETag from GET /shows/{showId} (e.g. \"1\"), a list of ETags, or * for any version: 428 without it, 412 when none is the show's current ETag (compared strongly: a weak W/ tag never matches).")
            .ProducesHeader(StatusCodes.Status200OK, "ETag", ETagMeaning)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        shows.MapDelete("/{showId:id}", CancelShow)
            .RequireAuthorization(AuthenticationSetup.AdminPolicy)
            .WithName("CancelShow").WithSummary("Cancel a show (admin); its orders are cancelled in the background")
            .ProducesHeader(StatusCodes.Status202Accepted, "Location", "The show: /shows/{showId}.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/admin/shows", ListAllShows)
            .RequireAuthorization(AuthenticationSetup.AdminPolicy)
            .WithTags("Shows").WithName("ListAllShows").WithSummary("Every show, whatever its status, latest start first (admin)")
            .WithDescription("On sale, off sale, cancelled and past shows alike, for the admin pages. Cursor paging as in GET /shows.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Ok<PageResponse<ShowResponse>>> ListShows(
        [AsParameters] PageQuery page, IShowStore store, IFileStore files, IOptions<FilesOptions> options, CancellationToken ct) =>
        TypedResults.Ok(await ResponseOfAsync(await store.ListOnSaleAsync(page.ToRequest(), ct), files, options.Value, ct));

    private static async Task<Ok<PageResponse<ShowResponse>>> ListAllShows(
        [AsParameters] PageQuery page, IShowStore store, IFileStore files, IOptions<FilesOptions> options, CancellationToken ct) =>
        TypedResults.Ok(await ResponseOfAsync(await store.ListAllAsync(page.ToRequest(), ct), files, options.Value, ct));

    private static async Task<PageResponse<ShowResponse>> ResponseOfAsync(Page<Show> page, IFileStore files, FilesOptions options, CancellationToken ct)
    {
        var items = new List<ShowResponse>(page.Items.Count);
        foreach (var show in page.Items) items.Add(await ShowResponse.FromAsync(show, files, options.DownloadUrlLifetime, ct));
        return new PageResponse<ShowResponse>(items, page.NextCursor);
    }

    private static async Task<Results<Ok<ShowResponse>, ProblemHttpResult>> GetShow(
        string showId, HttpContext http, IShowStore store, IFileStore files, IOptions<FilesOptions> options, CancellationToken ct)
    {
        if (await store.GetAsync(showId, ct) is not { } show) return Problem.NotFound("The show");
        http.Response.Headers.ETag = ShowResponse.ETagOf(show.Version);
        return TypedResults.Ok(await ShowResponse.FromAsync(show, files, options.Value.DownloadUrlLifetime, ct));
    }

    private static async Task<Results<Created<ShowResponse>, ProblemHttpResult>> CreateShow(
        CreateShowRequest request, HttpContext http, IShowStore store, IFileStore files, IOptions<FilesOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var show = new Show
        {
            ShowId = EntityId.New(),
            Title = request.Title!.Trim(),
            Venue = request.Venue!.Trim(),
            StartsAt = request.StartsAt!.Value,
            Capacity = request.Capacity!.Value,
            SeatsAvailable = request.Capacity!.Value,
            Price = request.Price!.Value,
            Status = request.OnSale == false ? ShowStatus.OffSale : ShowStatus.OnSale,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await store.CreateAsync(show, ct)) return Problem.Conflict("Duplicate show", "A show with this id exists.");
        http.Response.Headers.ETag = ShowResponse.ETagOf(show.Version);
        return TypedResults.Created($"/shows/{show.ShowId}", await ShowResponse.FromAsync(show, files, options.Value.DownloadUrlLifetime, ct));
    }

    private static async Task<Results<Ok<ShowResponse>, ValidationProblem, ProblemHttpResult>> PatchShow(
        string showId, PatchShowRequest request, [FromHeader(Name = IfMatchHeader)] string? ifMatch, HttpContext http,
        IShowStore store, IFileStore files, IOptions<FilesOptions> options, TimeProvider clock, CancellationToken ct)
    {
        // Optional in binding so that a missing header is a 428, not a 400; the OpenAPI document marks it required.
        if (string.IsNullOrEmpty(ifMatch))
            return Problem.Of(StatusCodes.Status428PreconditionRequired, "Precondition required", "Send If-Match with the ETag from GET /shows/{showId}.");
        if (!IfMatch.TryParse(ifMatch, out var condition))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IfMatchHeader] = ["\"*\" or a list of ETags such as \"3\"."] });

        // One tag names the version to write over; "*" or a list is checked against the version stored now, and
        // checked again if another edit lands in between.
        var expected = condition.SingleVersion ?? (await store.GetAsync(showId, ct))?.Version;
        if (expected is null) return Problem.NotFound("The show");
        var update = ShowUpdate.Of(ShowUpdateOutcome.VersionMismatch);
        for (var attempt = 0; attempt < MaxEditAttempts && expected is { } version && condition.Matches(version); attempt++)
        {
            update = await store.UpdateAsync(showId, request.ToChanges(), version, clock.GetUtcNow(), ct);
            if (update.Outcome != ShowUpdateOutcome.VersionMismatch) break;
            expected = update.Show?.Version;
        }
        switch (update.Outcome)
        {
            case ShowUpdateOutcome.NotFound:
                return Problem.NotFound("The show");
            case ShowUpdateOutcome.VersionMismatch:
                return Problem.Of(StatusCodes.Status412PreconditionFailed, "Precondition failed", condition.OnlyWeak
                    ? "If-Match compares ETags strongly, so a weak one (W/\"...\") never matches: send the ETag from GET /shows/{showId}."
                    : "The show was changed since you read it; GET it again and retry.");
            case ShowUpdateOutcome.Conflict:
                return Problem.Conflict("Edit refused", "The show is cancelled, or the new capacity is below the seats already sold.");
        }
        var show = update.Show!;
        http.Response.Headers.ETag = ShowResponse.ETagOf(show.Version);
        return TypedResults.Ok(await ShowResponse.FromAsync(show, files, options.Value.DownloadUrlLifetime, ct));
    }

    private static async Task<Results<Accepted<ShowResponse>, ProblemHttpResult>> CancelShow(
        string showId, IShowStore store, IJobPublisher jobs, IFileStore files, IOptions<FilesOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (await store.CancelAsync(showId, clock.GetUtcNow(), ct) is not { } show) return Problem.NotFound("The show");
        // Queued on every call: a repeated DELETE heals a lost job, and the handler cancels each order once.
        await jobs.PublishAsync(JobTypes.ShowCancelled, new ShowCancelled(showId), ct);
        return TypedResults.Accepted($"/shows/{showId}", await ShowResponse.FromAsync(show, files, options.Value.DownloadUrlLifetime, ct));
    }
}
