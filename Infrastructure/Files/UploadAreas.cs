namespace BoxOffice.Files;

/// <summary>
/// Key prefixes the bucket's rules are written against (<c>serverless.template</c>; a test keeps them in step).
/// Presigned uploads land under <see cref="Incoming"/>, the only prefix whose new objects notify the queue; the Worker
/// moves an accepted upload out of it and a rejected one to <see cref="Rejected"/>. Lifecycle rules expire what is
/// left in either: uploads nobody inspected (abandoned) and rejected ones.
/// </summary>
public static class UploadAreas
{
    public const string Incoming = "uploads/";
    public const string Rejected = "rejected/";
}
