namespace BoxOffice.Api.Security;

/// <summary>
/// Endpoint metadata: the answer is public and the same for everyone, so it may be stored, but is revalidated on
/// every use (<c>Cache-Control: no-cache</c>): seat counts, ETags and short-lived poster links stay current.
/// </summary>
public sealed class RevalidatedCaching
{
    public static readonly RevalidatedCaching Instance = new();

    private RevalidatedCaching()
    {
    }
}
