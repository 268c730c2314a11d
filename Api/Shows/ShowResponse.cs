using BoxOffice.Core.Files;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Shows;

namespace BoxOffice.Api.Shows;

/// <summary>A show as clients see it; <c>posterUrl</c> is a short-lived link once a poster is published.</summary>
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
    Uri? PosterUrl,
    long Version)
{
    public static async Task<ShowResponse> FromAsync(Show show, IFileStore files, TimeSpan urlLifetime, CancellationToken ct) => new(
        show.ShowId, show.Title, show.Venue, show.StartsAt, show.Capacity, show.SeatsAvailable, show.Price, show.Status,
        show.PosterStatus,
        show is { PosterStatus: PosterStatus.Published, PosterKey: { } key } ? await files.CreateDownloadUrlAsync(key, urlLifetime, ct) : null,
        show.Version);

    /// <summary>The strong ETag of a show version, as sent in <c>ETag</c> and expected in <c>If-Match</c>.</summary>
    public static string ETagOf(long version) => $"\"{version}\"";
}
