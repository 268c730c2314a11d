using System.Buffers;
using System.Text;
using System.Text.Json;
using BoxOffice.Hosting.Lambda.Events;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>API Gateway REST API proxy integration, payload format 1.0: multi-value headers and query parameters.</summary>
internal sealed class RestApiTranslator(ResponseBodyEncoder bodyEncoder, bool mapAuthorizerClaims)
    : ApiGatewayTranslator(bodyEncoder, mapAuthorizerClaims)
{
    public override void ReadRequest(ReadOnlyMemory<byte> json, LambdaHttpFeatures features)
    {
        var request = JsonSerializer.Deserialize(json.Span, LambdaEventJsonContext.Default.ApiGatewayRestApiRequest);
        if (request?.HttpMethod is not { Length: > 0 } method)
            throw new InvalidDataException("The event is not an API Gateway REST API (payload 1.0) request: httpMethod is missing.");

        var context = request.RequestContext;
        features.LambdaRequest = request;
        features.Method = method;
        features.Protocol = context?.Protocol ?? features.Protocol;

        var headers = features.RequestHeaders;
        if (request.MultiValueHeaders is { Count: > 0 } multi)
        {
            foreach (var (name, values) in multi) headers[name] = new StringValues([.. values]);
        }
        else if (request.Headers is not null)
        {
            foreach (var (name, value) in request.Headers) headers[name] = value;
        }

        var (pathBase, path) = RoutePathBase.ForRestApi(request);
        SetTarget(features, pathBase, path, Query(request));
        SetBody(features, request.Body, request.IsBase64Encoded);
        SetConnection(features, context?.DomainName, context?.Identity?.SourceIp, context?.RequestId);
        if (MapAuthorizerClaims) features.User = AuthorizerClaims.FromRestApi(context?.Authorizer);
    }

    public override void WriteResponse(LambdaHttpFeatures features, IBufferWriter<byte> output)
    {
        ResponseHeaderDefaults.Apply(features);
        var json = new EnvelopeJsonWriter(output);
        json.StartObject();
        json.PropertyName("statusCode"u8);
        json.Number(features.StatusCode);
        json.PropertyName("multiValueHeaders"u8);
        json.StartObject();
        foreach (var (name, values) in features.ResponseHeaders)
        {
            json.PropertyName(name);
            json.StartArray();
            foreach (var value in values)
            {
                if (value is not null) json.String(value);
            }
            json.EndArray();
        }
        // As the official bridge does: an explicit null keeps a REST API from answering "application/json".
        if (!features.ResponseHeaders.ContainsKey(HeaderNames.ContentType))
        {
            json.PropertyName("Content-Type"u8);
            json.StartArray();
            json.Null();
            json.EndArray();
        }
        json.EndObject();
        WriteBody(json, features);
        json.EndObject();
    }

    /// <summary>REST APIs deliver the query decoded; it is encoded again, every value of a repeated key kept.</summary>
    private static string Query(Events.ApiGatewayRestApiRequest request)
    {
        var builder = new StringBuilder();
        if (request.MultiValueQueryStringParameters is { Count: > 0 } multi)
        {
            foreach (var (key, values) in multi)
            {
                foreach (var value in values) Append(builder, key, value);
            }
        }
        else if (request.QueryStringParameters is not null)
        {
            foreach (var (key, value) in request.QueryStringParameters) Append(builder, key, value);
        }
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string key, string value)
    {
        if (builder.Length > 0) builder.Append('&');
        builder.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
    }
}
