namespace BoxOffice.Core.Files;

/// <summary>
/// What the uploads bucket's rules in <c>serverless.template</c> are written against (a test keeps them in step).
/// Clients upload under <see cref="UploadPrefix"/> only: new objects there notify the job queue, and one lifecycle
/// rule expires what is left there after a few days (uploads never inspected, or whose deletion did not happen).
/// Published posters live under <see cref="PosterPrefix"/>, written by the Worker alone from the bytes it inspected.
/// </summary>
public static class UploadLifecycle
{
    public const string UploadPrefix = "uploads/";
    public const string PosterPrefix = "posters/";
}
