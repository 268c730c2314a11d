using BoxOffice.Hosting.Lambda.AspNetCore;
using BoxOffice.Hosting.Lambda.Events;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>How an event's paths split into PathBase and Path (encoded forms), from the route that matched.</summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class RoutePathBaseTests
{
    [Theory]
    // execute-api domain: the stage is in requestContext.path only
    [InlineData("/items/42", "/{proxy+}", "proxy=items/42", "/prod/items/42", "/prod", "/items/42")]
    // custom domain, base path mapping "v1": path and requestContext.path both carry it
    [InlineData("/v1/items", "/{proxy+}", "proxy=items", "/v1/items", "/v1", "/items")]
    [InlineData("/v1/shows/7/orders", "/shows/{id}/{proxy+}", "id=7;proxy=orders", "/v1/shows/7/orders", "/v1", "/shows/7/orders")]
    [InlineData("/v1/shows/7", "/shows/{id}", "id=7", "/v1/shows/7", "/v1", "/shows/7")]
    // custom domain without a mapping
    [InlineData("/items", "/{proxy+}", "proxy=items", "/items", "", "/items")]
    // the stage root, with and without the slash the client may send
    [InlineData("/", "/", "", "/prod", "/prod", "/")]
    [InlineData("/", "/", "", "/prod/", "/prod", "/")]
    // the mapping's root
    [InlineData("/v1", "/", "", "/v1", "/v1", "/")]
    [InlineData("/v1/", "/", "", "/v1/", "/v1", "/")]
    // a trailing slash one side dropped: taken as the client sent it
    [InlineData("/items", "/{proxy+}", "proxy=items", "/prod/items/", "/prod", "/items/")]
    [InlineData("/items/", "/{proxy+}", "proxy=items", "/prod/items/", "/prod", "/items/")]
    [InlineData("/v1/items/", "/{proxy+}", "proxy=items", "/v1/items/", "/v1", "/items/")]
    // encodings kept: REST APIs deliver the path and its parameters encoded
    [InlineData("/v1/echo/2024%2Fposter.png", "/{proxy+}", "proxy=echo/2024%2Fposter.png", "/v1/echo/2024%2Fposter.png", "/v1", "/echo/2024%2Fposter.png")]
    // nothing to go by: the whole path is the app's
    [InlineData("/items", null, "", null, "", "/items")]
    [InlineData("/v1/items", "/{proxy+}", "", "/v1/items", "", "/v1/items")]
    [InlineData("/elsewhere", "/{proxy+}", "proxy=items", "/prod/elsewhere", "/prod", "/elsewhere")]
    public void Path_base_is_what_comes_before_the_routed_resource(
        string path, string? resource, string parameters, string? contextPath, string pathBase, string appPath)
    {
        var request = new ApiGatewayRestApiRequest
        {
            Path = path,
            Resource = resource,
            HttpMethod = "GET",
            PathParameters = Parameters(parameters),
            RequestContext = new RestApiRequestContext { Path = contextPath, Stage = "prod" },
        };

        Assert.Equal((pathBase, appPath), RoutePathBase.ForRestApi(request));
    }

    [Theory]
    [InlineData("/{proxy+}", "proxy=items/42", "/items/42")]
    [InlineData("/shows/{id}/orders/{proxy+}", "id=7;proxy=a b", "/shows/7/orders/a%20b")]
    [InlineData("/health", "", "/health")]
    [InlineData("/shows/{id}", "", null)]
    [InlineData("/shows/{id}", "other=1", null)]
    [InlineData("$default", "", null)]
    [InlineData(null, "", null)]
    public void The_routed_path_is_the_template_filled_in(string? template, string parameters, string? routed) =>
        Assert.Equal(routed, RoutePathBase.Routed(template, Parameters(parameters)));

    private static Dictionary<string, string>? Parameters(string parameters) => parameters.Length == 0 ? null
        : parameters.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
