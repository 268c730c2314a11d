using System.Text.Json;

namespace BoxOffice.Hosting.Lambda.Events;

/// <summary>An API Gateway HTTP API request, payload format 2.0.</summary>
public sealed class ApiGatewayHttpApiRequest
{
    public string? Version { get; init; }

    public string? RouteKey { get; init; }

    /// <summary>The path, stage segment included; HTTP APIs deliver it percent-decoded.</summary>
    public string? RawPath { get; init; }

    /// <summary>The query string as sent (still encoded, repeated keys kept), without '?'.</summary>
    public string? RawQueryString { get; init; }

    /// <summary>The request's cookies, one <c>name=value</c> each; API Gateway takes them out of the headers.</summary>
    public IReadOnlyList<string>? Cookies { get; init; }

    /// <summary>Lower-cased names; repeated headers arrive comma-joined.</summary>
    public Dictionary<string, string>? Headers { get; init; }

    public Dictionary<string, string>? QueryStringParameters { get; init; }

    public Dictionary<string, string>? PathParameters { get; init; }

    public Dictionary<string, string>? StageVariables { get; init; }

    public HttpApiRequestContext? RequestContext { get; init; }

    public string? Body { get; init; }

    public bool IsBase64Encoded { get; init; }
}

public sealed class HttpApiRequestContext
{
    public string? AccountId { get; init; }

    public string? ApiId { get; init; }

    public string? DomainName { get; init; }

    public string? DomainPrefix { get; init; }

    public HttpApiHttpDescription? Http { get; init; }

    public string? RequestId { get; init; }

    public string? RouteKey { get; init; }

    public string? Stage { get; init; }

    public string? Time { get; init; }

    public long TimeEpoch { get; init; }

    /// <summary>Claims or context of the API Gateway authorizer, kept as sent.</summary>
    public JsonElement? Authorizer { get; init; }
}

public sealed class HttpApiHttpDescription
{
    public string? Method { get; init; }

    public string? Path { get; init; }

    public string? Protocol { get; init; }

    public string? SourceIp { get; init; }

    public string? UserAgent { get; init; }
}
