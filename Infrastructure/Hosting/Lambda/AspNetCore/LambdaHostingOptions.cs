namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>How the Api is bridged to API Gateway in Lambda.</summary>
public sealed class LambdaHostingOptions
{
    public LambdaEventSource EventSource { get; set; } = LambdaEventSource.HttpApi;

    /// <summary>
    /// Response media types sent base64-encoded (<c>type/*</c> matches a whole type). Bodies with a
    /// <c>Content-Encoding</c>, or that are not valid UTF-8, are base64-encoded whatever their type.
    /// </summary>
    public ISet<string> BinaryContentTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/octet-stream",
        "application/pdf",
        "application/zip",
        "application/gzip",
        "image/*",
        "audio/*",
        "video/*",
        "font/*",
    };
}
