namespace BoxOffice.Files;

/// <summary>
/// What the uploads bucket's rules in <c>serverless.template</c> are written against (a test keeps them in step).
/// New objects under <see cref="PosterPrefix"/> notify the job queue. An upload carries the tag
/// <see cref="StateTag"/>=<see cref="Pending"/> (signed into its presigned PUT) until the Worker publishes it;
/// lifecycle rules expire uploads still pending (abandoned: never inspected) and those tagged <see cref="Rejected"/>.
/// </summary>
public static class UploadLifecycle
{
    public const string PosterPrefix = "posters/";
    public const string StateTag = "boxoffice-upload";
    public const string Pending = "pending";
    public const string Published = "published";
    public const string Rejected = "rejected";

    /// <summary>The <c>x-amz-tagging</c> value a presigned upload signs in.</summary>
    public static string PendingTagging => $"{StateTag}={Pending}";
}
