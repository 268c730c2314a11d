using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>Translates one API Gateway payload format to the ASP.NET Core request and back.</summary>
internal abstract class ApiGatewayTranslator(ResponseBodyEncoder bodyEncoder, bool mapAuthorizerClaims)
{
    public static ApiGatewayTranslator For(LambdaHostingOptions options)
    {
        var encoder = new ResponseBodyEncoder(options.BinaryContentTypes);
        return options.EventSource == LambdaEventSource.RestApi
            ? new RestApiTranslator(encoder, options.MapAuthorizerClaims)
            : new HttpApiTranslator(encoder, options.MapAuthorizerClaims);
    }

    /// <summary>See <see cref="LambdaHostingOptions.MapAuthorizerClaims"/>.</summary>
    protected bool MapAuthorizerClaims { get; } = mapAuthorizerClaims;

    /// <summary>Fills the request side of <paramref name="features"/> from the event; throws when it is not such an event.</summary>
    public abstract void ReadRequest(ReadOnlyMemory<byte> json, LambdaHttpFeatures features);

    public abstract void WriteResponse(LambdaHttpFeatures features, IBufferWriter<byte> output);

    /// <summary>The <c>body</c> and <c>isBase64Encoded</c> members: the app's bytes as text when they are, else base64.</summary>
    protected void WriteBody(EnvelopeJsonWriter json, LambdaHttpFeatures features)
    {
        var body = features.ResponseBody;
        var base64 = bodyEncoder.IsBase64(features.ResponseHeaders, body);
        json.PropertyName("body"u8);
        if (base64) json.Base64String(body);
        else json.Utf8String(body);
        json.PropertyName("isBase64Encoded"u8);
        json.Boolean(base64);
    }

    /// <summary>Path base, path and raw target from the delivered path, the stage prefix and the encoded query.</summary>
    protected static void SetTarget(LambdaHttpFeatures features, string pathBase, string rawPath, string rawQuery)
    {
        features.PathBase = ApiGatewayPath.Decode(pathBase);
        features.Path = ApiGatewayPath.Decode(rawPath);
        features.QueryString = rawQuery.Length == 0 ? "" : "?" + rawQuery;
        features.RawTarget = pathBase + rawPath + features.QueryString;
    }

    protected static void SetBody(LambdaHttpFeatures features, string? body, bool isBase64Encoded)
    {
        var bytes = string.IsNullOrEmpty(body) ? []
            : isBase64Encoded ? Convert.FromBase64String(body)
            : Encoding.UTF8.GetBytes(body);
        var headers = features.RequestHeaders;
        if (bytes.Length > 0 && headers.ContentLength is null && !headers.ContainsKey(HeaderNames.TransferEncoding)) headers.ContentLength = bytes.Length;
        features.CanHaveBody = bytes.Length > 0 || headers.ContentLength > 0;
        if (features.CanHaveBody) features.RequestBody = new RequestBodyStream(bytes, headers.ContentLength, features.BodyLimit);
    }

    /// <summary>Scheme, host, client address and request id, from the forwarding headers and the request context.</summary>
    protected static void SetConnection(LambdaHttpFeatures features, string? domainName, string? sourceIp, string? requestId)
    {
        var headers = features.RequestHeaders;
        if (headers.TryGetValue("X-Forwarded-Proto", out var proto) && proto.Count > 0 && !string.IsNullOrEmpty(proto[0]))
            features.Scheme = proto[0]!;
        if (string.IsNullOrEmpty(headers.Host) && !string.IsNullOrEmpty(domainName)) headers.Host = domainName;
        if (headers.TryGetValue("X-Forwarded-Port", out var port) && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var localPort))
            features.LocalPort = localPort;
        if (IPAddress.TryParse(sourceIp, out var remote)) features.RemoteIpAddress = remote;
        if (!string.IsNullOrEmpty(requestId)) features.TraceIdentifier = requestId;
    }
}
