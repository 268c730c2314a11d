namespace BoxOffice.Core.Posters;

public enum PosterStatus
{
    None,
    /// <summary>An upload URL was handed out; the bytes have not been inspected yet.</summary>
    Pending,
    Published,
    Rejected,
}
