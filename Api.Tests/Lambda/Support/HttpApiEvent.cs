using System.Text.Json;

namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>Builds HTTP API (payload 2.0) events the way API Gateway sends them, for the end-to-end tests.</summary>
public static class HttpApiEvent
{
    public const string DefaultSourceIp = "203.0.113.24";

    /// <summary>The API's domain, the Host header of every event (the template's <c>AllowedHosts</c> for the Api).</summary>
    public const string Host = "k3xa8b2c1d.execute-api.eu-west-1.amazonaws.com";

    public static string Create(
        string method, string path, string? body = null, string? bearerToken = null, IDictionary<string, string>? headers = null, string sourceIp = DefaultSourceIp)
    {
        var all = new Dictionary<string, string>
        {
            ["host"] = Host,
            ["user-agent"] = "e2e-test",
            ["x-forwarded-for"] = sourceIp,
            ["x-forwarded-port"] = "443",
            ["x-forwarded-proto"] = "https",
        };
        if (body is not null) all["content-type"] = "application/json";
        if (bearerToken is not null) all["authorization"] = $"Bearer {bearerToken}";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) all[name.ToLowerInvariant()] = value;

        var query = path.IndexOf('?', StringComparison.Ordinal);
        var rawPath = query < 0 ? path : path[..query];
        var requestId = Guid.NewGuid().ToString("N")[..16];
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["version"] = "2.0",
            ["routeKey"] = "$default",
            ["rawPath"] = rawPath,
            ["rawQueryString"] = query < 0 ? "" : path[(query + 1)..],
            ["headers"] = all,
            ["requestContext"] = new Dictionary<string, object?>
            {
                ["accountId"] = "123456789012",
                ["apiId"] = "k3xa8b2c1d",
                ["domainName"] = Host,
                ["http"] = new Dictionary<string, string> { ["method"] = method, ["path"] = rawPath, ["protocol"] = "HTTP/1.1", ["sourceIp"] = sourceIp, ["userAgent"] = "e2e-test" },
                ["requestId"] = requestId,
                ["routeKey"] = "$default",
                ["stage"] = "$default",
                ["timeEpoch"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            },
            ["body"] = body,
            ["isBase64Encoded"] = false,
        });
    }
}
