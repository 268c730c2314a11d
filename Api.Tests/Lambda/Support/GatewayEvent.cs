using System.Text.Json;
using BoxOffice.Hosting.Lambda;

namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>The smallest event of either payload version for a method and path on the default stage.</summary>
public static class GatewayEvent
{
    public static string Create(LambdaEventSource source, string method, string path) => source == LambdaEventSource.HttpApi
        ? HttpApiEvent.Create(method, path)
        : JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["resource"] = "/{proxy+}",
            ["path"] = path,
            ["httpMethod"] = method,
            ["multiValueHeaders"] = new Dictionary<string, string[]> { ["Host"] = [HttpApiEvent.Host], ["X-Forwarded-Proto"] = ["https"] },
            ["pathParameters"] = new Dictionary<string, string> { ["proxy"] = path.TrimStart('/') },
            ["requestContext"] = new Dictionary<string, object?>
            {
                ["path"] = "/prod" + path,
                ["stage"] = "prod",
                ["requestId"] = "rest-" + Guid.NewGuid().ToString("N")[..12],
                ["httpMethod"] = method,
                ["identity"] = new Dictionary<string, string> { ["sourceIp"] = HttpApiEvent.DefaultSourceIp },
            },
            ["body"] = null,
            ["isBase64Encoded"] = false,
        });
}
