using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BoxOffice.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Tests.Json;

/// <summary>
/// The Native AOT build has no reflection-based JSON: every body an endpoint reads or writes must be known to the
/// Api's generated context among the resolvers of its JSON options (ASP.NET Core's own problem details aside).
/// </summary>
public sealed class ApiJsonContextTests
{
    [Fact]
    public void Every_json_body_of_every_endpoint_has_generated_metadata()
    {
        using var app = new BoxOfficeApp();
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var generated = ApiContext(options);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var bodies = endpoints.SelectMany(endpoint => endpoint.Metadata.OfType<IProducesResponseTypeMetadata>()
                .Where(p => p.Type is { } type && type != typeof(void) && !typeof(IResult).IsAssignableFrom(type) && p.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal)))
                .Select(p => p.Type!)
                .Concat(endpoint.Metadata.OfType<IAcceptsMetadata>().Where(a => a.RequestType is not null && a.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal))).Select(a => a.RequestType!)))
            .Distinct().ToList();

        Assert.Contains(bodies, type => type.Name == "CreateShowRequest");
        Assert.Contains(bodies, type => type.Name == "ShowResponse");
        Assert.All(bodies, type => Assert.True(generated.GetTypeInfo(type, options) is not null, $"{type} has no generated JSON metadata"));
    }

    [Fact]
    public void Answers_written_with_their_own_status_have_generated_metadata_too()
    {
        using var app = new BoxOfficeApp();
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        foreach (var name in new[] { "HealthResponse", "JsonWebKeySetResponse", "OAuthTokenResponse", "SiteConfig" })
        {
            var type = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name?.StartsWith("BoxOffice.", StringComparison.Ordinal) == true)
                .SelectMany(a => a.GetTypes()).Single(t => t.Name == name);
            Assert.True(ApiContext(options).GetTypeInfo(type, options) is not null, $"{type} has no generated JSON metadata");
        }
        Assert.Null(ApiContext(options).GetTypeInfo(typeof(JsonDocument), options)); // the check can fail
    }

    /// <summary>The Api's own generated context among the resolvers of its JSON options.</summary>
    private static IJsonTypeInfoResolver ApiContext(JsonSerializerOptions options) =>
        Assert.Single(options.TypeInfoResolverChain.OfType<JsonSerializerContext>(), c => c.GetType().Assembly == typeof(Program).Assembly);
}
