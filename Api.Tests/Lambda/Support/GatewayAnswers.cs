using System.Text.Json;

namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>Reading what a packaged Api answered through the fake Runtime API: the API Gateway response and its JSON body.</summary>
public static class GatewayAnswers
{
    /// <summary>The API Gateway response the function posted; fails on an invocation error.</summary>
    public static JsonElement Response(RuntimeOutcome outcome)
    {
        Assert.False(outcome.IsError, outcome.Body);
        return JsonDocument.Parse(outcome.Body).RootElement.Clone();
    }

    /// <summary>The response's JSON body, once its status is <paramref name="expectedStatus"/>.</summary>
    public static JsonElement Body(JsonElement response, int expectedStatus)
    {
        Assert.True(response.GetProperty("statusCode").GetInt32() == expectedStatus, $"expected {expectedStatus}: {response}");
        return JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement.Clone();
    }

    /// <summary>A dev access token minted by the packaged Api itself (POST /dev/token).</summary>
    public static async Task<string> TokenAsync(FakeRuntimeApi runtime, string username, string[] groups, TimeSpan? wait = null)
    {
        var outcome = await runtime.InvokeAsync(HttpApiEvent.Create("POST", "/dev/token", JsonSerializer.Serialize(new { username, groups })), wait: wait);
        return Body(Response(outcome), 200).GetProperty("accessToken").GetString()!;
    }
}
