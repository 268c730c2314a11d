namespace BoxOffice.Api.Security;

public static class CachingConventions
{
    /// <summary>Marks a public answer as storable if revalidated (<see cref="RevalidatedCaching"/>); every other API answer is <c>no-store</c>.</summary>
    public static TBuilder AllowRevalidatedCaching<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(RevalidatedCaching.Instance);
}
