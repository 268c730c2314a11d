using System.Text;
using BoxOffice.Hosting.Lambda.Events;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>
/// Where the path base ends and the app's path starts, found from the route API Gateway matched: the app's part is
/// the route template with its path parameters filled in (<c>/{proxy+}</c> with <c>items</c>: <c>/items</c>), and what
/// comes before it (a custom domain's base path mapping <c>/v1</c>, a stage <c>/prod</c>) is the path base. A REST API
/// (payload 1.0) has the mapping in <c>path</c> and what the client sent, stage or mapping first, in
/// <c>requestContext.path</c>; a trailing slash only one side has (a stage root <c>/prod</c>, or <c>/prod/items/</c>
/// with <c>path</c> <c>/items</c>) is taken as the client sent it. An HTTP API (2.0) keeps the mapping in <c>rawPath</c>.
/// </summary>
internal static class RoutePathBase
{
    /// <summary>A REST API request's encoded path base and path; the path base is empty when nothing splits off.</summary>
    public static (string PathBase, string Path) ForRestApi(ApiGatewayRestApiRequest request)
    {
        var delivered = ApiGatewayPath.ToRawPath(request.Path);
        var (mapping, path) = Routed(request.Resource, request.PathParameters) is { } routed && SplitSuffix(delivered, routed) is { } split
            ? split
            : ("", delivered);
        if (request.RequestContext?.Path is not { Length: > 0 } sent) return (mapping, path);
        return SplitSuffix(ApiGatewayPath.ToRawPath(sent), path) ?? (mapping, path);
    }

    /// <summary>
    /// The encoded path a route template (<c>/shows/{id}/{proxy+}</c>) matched, every parameter filled in; null when
    /// there is no template or a parameter has no value.
    /// </summary>
    internal static string? Routed(string? template, Dictionary<string, string>? parameters)
    {
        if (template is not { Length: > 0 } resource || resource[0] != '/') return null;
        var open = resource.IndexOf('{');
        if (open < 0) return ApiGatewayPath.ToRawPath(resource);
        if (parameters is not { Count: > 0 }) return null;

        var builder = new StringBuilder(resource.Length + 32);
        var at = 0;
        while (open >= 0)
        {
            var close = resource.IndexOf('}', open);
            if (close < 0) return null;
            var name = resource.AsSpan(open + 1, close - open - 1).TrimEnd('+').ToString();
            if (!parameters.TryGetValue(name, out var value)) return null;
            builder.Append(resource, at, open - at).Append(value);
            at = close + 1;
            open = resource.IndexOf('{', at);
        }
        builder.Append(resource, at, resource.Length - at);
        return ApiGatewayPath.ToRawPath(builder.ToString());
    }

    /// <summary>
    /// Splits <paramref name="full"/> into what comes before <paramref name="suffix"/> and the suffix, a trailing slash
    /// only one of them has taken as <paramref name="full"/> has it; null when <paramref name="full"/> does not end with it.
    /// </summary>
    internal static (string Prefix, string Path)? SplitSuffix(string full, string suffix)
    {
        if (full.EndsWith(suffix, StringComparison.Ordinal)) return (full[..^suffix.Length], suffix);
        if (suffix.EndsWith('/') && (full + "/").EndsWith(suffix, StringComparison.Ordinal))
            return (full[..^(suffix.Length - 1)], suffix.Length == 1 ? "/" : suffix[..^1]);
        if (full.EndsWith('/') && full.AsSpan(0, full.Length - 1).EndsWith(suffix, StringComparison.Ordinal))
            return (full[..^(suffix.Length + 1)], suffix + "/");
        return null;
    }
}
