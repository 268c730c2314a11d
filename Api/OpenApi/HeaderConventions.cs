namespace BoxOffice.Api.OpenApi;

/// <summary>Declares the headers an endpoint reads or sends, for the OpenAPI document.</summary>
public static class HeaderConventions
{
    public static TBuilder ProducesHeader<TBuilder>(this TBuilder builder, int statusCode, string name, string description)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ResponseHeader(statusCode, name, description));

    public static TBuilder RequiresHeader<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequiredHeader(name, description));
}
