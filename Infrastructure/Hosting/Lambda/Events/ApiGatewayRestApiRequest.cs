using System.Text.Json;

namespace BoxOffice.Hosting.Lambda.Events;

/// <summary>An API Gateway REST API proxy request, payload format 1.0.</summary>
public sealed class ApiGatewayRestApiRequest
{
    public string? Resource { get; init; }

    /// <summary>The path without the stage (with a custom domain: with the base path).</summary>
    public string? Path { get; init; }

    public string? HttpMethod { get; init; }

    public Dictionary<string, string>? Headers { get; init; }

    public Dictionary<string, List<string>>? MultiValueHeaders { get; init; }

    public Dictionary<string, string>? QueryStringParameters { get; init; }

    /// <summary>Decoded keys and values, repeated keys kept.</summary>
    public Dictionary<string, List<string>>? MultiValueQueryStringParameters { get; init; }

    public Dictionary<string, string>? PathParameters { get; init; }

    public Dictionary<string, string>? StageVariables { get; init; }

    public RestApiRequestContext? RequestContext { get; init; }

    public string? Body { get; init; }

    public bool IsBase64Encoded { get; init; }
}

public sealed class RestApiRequestContext
{
    public string? AccountId { get; init; }

    public string? ApiId { get; init; }

    public string? DomainName { get; init; }

    public string? HttpMethod { get; init; }

    /// <summary>The path as the client sent it, stage segment included.</summary>
    public string? Path { get; init; }

    public string? Protocol { get; init; }

    public string? RequestId { get; init; }

    public string? ResourcePath { get; init; }

    public string? Stage { get; init; }

    public RestApiRequestIdentity? Identity { get; init; }

    public JsonElement? Authorizer { get; init; }
}

public sealed class RestApiRequestIdentity
{
    public string? SourceIp { get; init; }

    public string? UserAgent { get; init; }
}
