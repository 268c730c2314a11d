using System.Text.Json;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>What the bridge takes from an HTTP API event besides its headers.</summary>
internal struct HttpApiRequestFields
{
    public string? RouteKey;
    public string? RawPath;
    public string? RawQueryString;
    public List<string>? Cookies;
    public Dictionary<string, string>? PathParameters;
    public string? Body;
    public bool IsBase64Encoded;
    public string? Method;
    public string? Path;
    public string? Protocol;
    public string? SourceIp;
    public string? DomainName;
    public string? RequestId;
    public string? Stage;
    public JsonElement? Authorizer;
}
