using System.Globalization;
using BoxOffice.Core.Ids;

namespace BoxOffice.Api.Routing;

/// <summary>
/// <c>{showId:id}</c>: the route matches only a well-formed <see cref="EntityId"/>, so any other value is a 404
/// (problem details) without a store call.
/// </summary>
public sealed class EntityIdRouteConstraint : IRouteConstraint
{
    public const string Name = "id";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value)
        && Convert.ToString(value, CultureInfo.InvariantCulture) is { } text
        && EntityId.IsWellFormed(text);
}
