using System.Text;
using BoxOffice.Hosting.Lambda.Events;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>
/// Where a REST API (payload 1.0) request's path base ends and the app's path starts. <c>path</c> carries a custom
/// domain's base path mapping (<c>/v1/items</c>) and <c>requestContext.path</c> what the client sent (the stage, or
/// the mapping, first). The app's part is the matched <c>resource</c> with its path parameters filled in
/// (<c>/{proxy+}</c> with <c>items</c>: <c>/items</c>); whatever comes before it in <c>requestContext.path</c> is the path
/// base. A trailing slash only one side has (a stage root <c>/prod</c>, or <c>/prod/items/</c> with <c>path</c>
/// <c>/items</c>) is taken as the client sent it.
/// </summary>
internal static class RestApiPath
{
    /// <summary>Encoded path base and path; the path base is empty when nothing splits off.</summary>
    public static (string PathBase, string Path) Split(ApiGatewayRestApiRequest request)
    {
        var delivered = ApiGatewayPath.ToRawPath(request.Path);
        var (mapping, path) = Routed(request) is { } routed && SplitSuffix(delivered, routed) is { } split ? split : ("", delivered);
        if (request.RequestContext?.Path is not { Length: > 0 } sent) return (mapping, path);
        return SplitSuffix(ApiGatewayPath.ToRawPath(sent), path) ?? (mapping, path);
    }

    /// <summary>The resource template with every <c>{name}</c> and <c>{name+}</c> filled in; null when one has no value.</summary>
    private static string? Routed(ApiGatewayRestApiRequest request)
    {
        if (request.Resource is not { Length: > 0 } resource) return null;
        var open = resource.IndexOf('{');
        if (open < 0) return ApiGatewayPath.ToRawPath(resource);
        if (request.PathParameters is not { Count: > 0 } parameters) return null;

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
