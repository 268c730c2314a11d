using System.Buffers;
using System.Text.Json;
using BoxOffice.Hosting.Lambda.Events;
using Microsoft.Net.Http.Headers;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>API Gateway HTTP API, payload format 2.0: cookies travel apart from the headers, both ways.</summary>
internal sealed class HttpApiTranslator(ResponseBodyEncoder bodyEncoder) : ApiGatewayTranslator(bodyEncoder)
{
    public override void ReadRequest(ReadOnlySpan<byte> json, LambdaHttpFeatures features)
    {
        var request = JsonSerializer.Deserialize(json, LambdaEventJsonContext.Default.ApiGatewayHttpApiRequest);
        var context = request?.RequestContext;
        var http = context?.Http;
        if (request is null || http?.Method is not { Length: > 0 } method)
            throw new InvalidDataException("The event is not an API Gateway HTTP API (payload 2.0) request: requestContext.http.method is missing.");

        features.LambdaRequest = request;
        features.Method = method;
        features.Protocol = http.Protocol ?? features.Protocol;

        var headers = features.RequestHeaders;
        if (request.Headers is not null)
        {
            foreach (var (name, value) in request.Headers) headers[name] = value;
        }
        if (request.Cookies is { Count: > 0 } cookies)
        {
            var joined = string.Join("; ", cookies);
            headers.Cookie = string.IsNullOrEmpty(headers.Cookie) ? joined : $"{headers.Cookie}; {joined}";
        }

        var (pathBase, path) = ApiGatewayPath.SplitStage(ApiGatewayPath.ToRawPath(request.RawPath ?? http.Path), context!.Stage);
        SetTarget(features, pathBase, path, ApiGatewayPath.ToRawQuery(request.RawQueryString));
        SetBody(features, request.Body, request.IsBase64Encoded);
        SetConnection(features, context.DomainName, http.SourceIp, context.RequestId);
    }

    public override void WriteResponse(LambdaHttpFeatures features, IBufferWriter<byte> output)
    {
        var headers = new Dictionary<string, string>(features.ResponseHeaders.Count, StringComparer.OrdinalIgnoreCase);
        List<string>? cookies = null;
        foreach (var (name, values) in features.ResponseHeaders)
        {
            if (string.Equals(name, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
            {
                cookies ??= [];
                foreach (var cookie in values)
                {
                    if (!string.IsNullOrEmpty(cookie)) cookies.Add(cookie);
                }
                continue;
            }
            headers[name] = values.ToString();
        }

        var (body, isBase64Encoded) = EncodeBody(features);
        var response = new ApiGatewayHttpApiResponse
        {
            StatusCode = features.StatusCode,
            Headers = headers,
            Cookies = cookies,
            Body = body,
            IsBase64Encoded = isBase64Encoded,
        };
        using var writer = new Utf8JsonWriter(output);
        JsonSerializer.Serialize(writer, response, LambdaEventJsonContext.Default.ApiGatewayHttpApiResponse);
    }
}
