namespace BoxOffice.Core.Posters;

/// <summary>
/// How big a poster may be: at least one byte, at most the configured <c>BoxOffice:Files:MaxPosterBytes</c>. The Api
/// checks the declared length before it signs an upload of exactly that length; the Worker checks the stored file.
/// </summary>
public static class PosterSize
{
    public static bool IsAllowed(long bytes, long maxBytes) => bytes >= 1 && bytes <= maxBytes;
}
