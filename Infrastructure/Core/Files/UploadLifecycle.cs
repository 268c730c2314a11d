namespace BoxOffice.Core.Files;

/// <summary>
/// What the uploads bucket's rules in <c>serverless.template</c> are written against (a test keeps them in step).
/// New objects under <see cref="PosterPrefix"/> notify the job queue. An upload carries the tag
/// <see cref="StateTag"/>=<see cref="Pending"/> (signed into its presigned PUT, so a client cannot leave it out)
/// until the Worker keeps it (<see cref="Kept"/>) on publishing it. One lifecycle rule expires what is still pending
/// after a few days: uploads never inspected (abandoned) and rejected ones whose deletion did not happen.
/// </summary>
public static class UploadLifecycle
{
    public const string PosterPrefix = "posters/";
    public const string StateTag = "boxoffice-upload";
    public const string Pending = "pending";
    public const string Kept = "kept";

    /// <summary>The <c>x-amz-tagging</c> value a presigned upload signs in.</summary>
    public static string PendingTagging => $"{StateTag}={Pending}";
}
