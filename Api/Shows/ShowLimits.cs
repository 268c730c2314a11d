namespace BoxOffice.Api.Shows;

/// <summary>The limits on a show's fields, shared by create and edit.</summary>
public static class ShowLimits
{
    public const int MaxTextLength = 200;
    public const int MaxCapacity = 100_000;
    public const double MaxPrice = 100_000;
}
