using System.Text;
using System.Text.Json.Serialization.Metadata;
using BoxOffice.Core.Ids;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace BoxOffice.Api.Tests.Errors;

/// <summary>A route as the app maps it: one method, a path to call it on, its JSON body type and typed query parameters.</summary>
public sealed record BoundRoute(string Method, string Pattern, string Path, Type? BodyType, IReadOnlyList<string> TypedQuery)
{
    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Every route of the running app, read from its endpoint data source, so that a route added later is covered by
/// the tests that walk them without being listed anywhere.
/// </summary>
public static class BoundRoutes
{
    public static IReadOnlyList<BoundRoute> Of(IServiceProvider services)
    {
        var routes = new List<BoundRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var body = accepts is { RequestType: { } type } && accepts.ContentTypes.Contains("application/json") ? type : null;
            var pattern = endpoint.RoutePattern;
            var query = endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
                .Where(p => p.HasTryParse && pattern.GetParameter(p.Name) is null && !IsFromHeader(p) && Unwrapped(p.ParameterInfo.ParameterType) != typeof(string))
                .Select(QueryName)
                .ToList();
            foreach (var method in methods) routes.Add(new BoundRoute(method, pattern.RawText ?? "", SamplePath(pattern), body, query));
        }
        return routes;
    }

    /// <summary>The JSON properties of <paramref name="bodyType"/> as the app's serializer sees them.</summary>
    public static IReadOnlyList<JsonPropertyInfo> PropertiesOf(IServiceProvider services, Type bodyType) =>
        [.. services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions.GetTypeInfo(bodyType).Properties];

    public static Type Unwrapped(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    /// <summary>The name in the query string: [FromQuery(Name = ...)] when given (as on [AsParameters] properties).</summary>
    private static string QueryName(IParameterBindingMetadata parameter) =>
        parameter.ParameterInfo.GetCustomAttributes(typeof(FromQueryAttribute), inherit: true).OfType<FromQueryAttribute>().FirstOrDefault()?.Name ?? parameter.Name;

    private static bool IsFromHeader(IParameterBindingMetadata parameter) =>
        parameter.ParameterInfo.GetCustomAttributes(typeof(FromHeaderAttribute), inherit: true).Length > 0;

    /// <summary>A path the route matches: a fresh id for <c>{x:id}</c>, a file key for a catch-all.</summary>
    private static string SamplePath(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { IsCatchAll: true } => "posters/sample.png",
                    RoutePatternParameterPart => EntityId.New(),
                    _ => "",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }
}
