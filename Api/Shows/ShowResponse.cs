using BoxOffice.Core.Files;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Shows;

namespace BoxOffice.Api.Shows;

/// <summary>A show as clients see it.</summary>
/// <param name="ShowId">The show's id.</param>
/// <param name="Title">The title.</param>
/// <param name="Venue">Where it plays.</param>
/// <param name="StartsAt">When it starts, with its offset.</param>
/// <param name="Capacity">Seats in all.</param>
/// <param name="SeatsAvailable">Seats still for sale.</param>
/// <param name="Price">Price of one ticket.</param>
/// <param name="Status">OnSale, OffSale or Cancelled.</param>
/// <param name="PosterStatus">The latest poster upload: None (never), Pending (URL handed out, not yet inspected), Published or Rejected.</param>
/// <param name="PosterRejectionReason">Why the latest upload was rejected, in a short plain sentence; null unless posterStatus is Rejected.</param>
/// <param name="PosterUrl">A short-lived link to the published poster; null until one is published. An earlier poster stays while a newer upload is pending or rejected.</param>
/// <param name="Version">Changes on every edit; the ETag is this number in quotes.</param>
public sealed record ShowResponse(
    string ShowId,
    string Title,
    string Venue,
    DateTimeOffset StartsAt,
    int Capacity,
    int SeatsAvailable,
    decimal Price,
    ShowStatus Status,
    PosterStatus PosterStatus,
    string? PosterRejectionReason,
    Uri? PosterUrl,
    long Version)
{
    public static async Task<ShowResponse> FromAsync(Show show, IFileStore files, TimeSpan urlLifetime, CancellationToken ct) => new(
        show.ShowId, show.Title, show.Venue, show.StartsAt, show.Capacity, show.SeatsAvailable, show.Price, show.Status,
        show.Poster.Status,
        show.Poster.RejectionReason,
        show.Poster.PublishedKey is { } key ? await files.CreateDownloadUrlAsync(key, urlLifetime, ct) : null,
        show.Version);

    /// <summary>The strong ETag of a show version, as sent in <c>ETag</c> and expected in <c>If-Match</c>.</summary>
    public static string ETagOf(long version) => $"\"{version}\"";
}
