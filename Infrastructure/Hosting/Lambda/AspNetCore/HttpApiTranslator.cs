using System.Buffers;
using BoxOffice.Hosting.Lambda.Events;
using Microsoft.Net.Http.Headers;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>API Gateway HTTP API, payload format 2.0: cookies travel apart from the headers, both ways.</summary>
internal sealed class HttpApiTranslator(ResponseBodyEncoder bodyEncoder, bool mapAuthorizerClaims)
    : ApiGatewayTranslator(bodyEncoder, mapAuthorizerClaims)
{
    public override void ReadRequest(ReadOnlyMemory<byte> json, LambdaHttpFeatures features)
    {
        var headers = features.RequestHeaders;
        var request = HttpApiRequestReader.Read(json.Span, headers, MapAuthorizerClaims);
        if (request.Method is not { Length: > 0 } method)
            throw new InvalidDataException("The event is not an API Gateway HTTP API (payload 2.0) request: requestContext.http.method is missing.");

        features.DeferLambdaRequest(json, LambdaEventJsonContext.Default.ApiGatewayHttpApiRequest);
        features.Method = method;
        features.Protocol = request.Protocol ?? features.Protocol;
        if (request.Cookies is { Count: > 0 } cookies)
        {
            var joined = string.Join("; ", cookies);
            headers.Cookie = string.IsNullOrEmpty(headers.Cookie) ? joined : $"{headers.Cookie}; {joined}";
        }

        var (stage, path) = ApiGatewayPath.SplitStage(ApiGatewayPath.ToRawPath(request.RawPath ?? request.Path), request.Stage);
        // A custom domain's API mapping stays in rawPath; the route that matched (without it) tells where it ends.
        var (mapping, appPath) = RoutePathBase.Routed(RouteTemplate(request.RouteKey), request.PathParameters) is { } routed
            && RoutePathBase.SplitSuffix(path, routed) is { } split ? split : ("", path);
        var pathBase = stage + mapping;
        path = appPath;
        SetTarget(features, pathBase, path, ApiGatewayPath.ToRawQuery(request.RawQueryString));
        SetBody(features, request.Body, request.IsBase64Encoded);
        SetConnection(features, request.DomainName, request.SourceIp, request.RequestId);
        if (MapAuthorizerClaims) features.User = AuthorizerClaims.FromHttpApi(request.Authorizer);
    }

    /// <summary>The path of a route key (<c>GET /shows/{id}</c>); null for <c>$default</c>.</summary>
    private static string? RouteTemplate(string? routeKey) =>
        routeKey?.IndexOf(' ', StringComparison.Ordinal) is int space and > 0 ? routeKey[(space + 1)..] : null;

    public override void WriteResponse(LambdaHttpFeatures features, IBufferWriter<byte> output)
    {
        ResponseHeaderDefaults.Apply(features);
        var json = new EnvelopeJsonWriter(output);
        json.StartObject();
        json.PropertyName("statusCode"u8);
        json.Number(features.StatusCode);
        json.PropertyName("headers"u8);
        json.StartObject();
        var hasCookies = false;
        foreach (var (name, values) in features.ResponseHeaders)
        {
            if (string.Equals(name, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
            {
                hasCookies = true;
                continue;
            }
            json.PropertyName(name);
            json.String(values.ToString());
        }
        // As the official bridge does: an explicit null keeps API Gateway from adding a Content-Type of its own.
        if (!features.ResponseHeaders.ContainsKey(HeaderNames.ContentType))
        {
            json.PropertyName("Content-Type"u8);
            json.Null();
        }
        json.EndObject();
        if (hasCookies)
        {
            json.PropertyName("cookies"u8);
            json.StartArray();
            foreach (var cookie in features.ResponseHeaders.SetCookie)
            {
                if (!string.IsNullOrEmpty(cookie)) json.String(cookie);
            }
            json.EndArray();
        }
        WriteBody(json, features);
        json.EndObject();
    }
}
