using System.Text.Json;
using System.Text.Json.Nodes;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// Administers user pools on moto over Cognito's JSON protocol (AWSSDK.CognitoIdentityProvider does not restore
/// here): pools, app clients, groups, users, and the admin password flow that issues real RS256 access tokens.
/// </summary>
public sealed class MotoCognito(MotoServer moto) : IDisposable
{
    public const string Password = "Passw0rd!Passw0rd";
    private readonly HttpClient _http = new() { BaseAddress = moto.Url };

    public async Task<(string PoolId, string ClientId)> CreatePoolAsync(string adminGroup)
    {
        var pool = await CallAsync("CreateUserPool", new { PoolName = MotoServer.UniqueName("pool") });
        var poolId = pool["UserPool"]!["Id"]!.GetValue<string>();
        var clientId = await CreateClientAsync(poolId);
        await CallAsync("CreateGroup", new { UserPoolId = poolId, GroupName = adminGroup });
        return (poolId, clientId);
    }

    /// <summary>An app client of the pool that may use the admin password flow; returns its id.</summary>
    public async Task<string> CreateClientAsync(string poolId)
    {
        var client = await CallAsync("CreateUserPoolClient", new
        {
            UserPoolId = poolId,
            ClientName = MotoServer.UniqueName("client"),
            ExplicitAuthFlows = new[] { "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" },
        });
        return client["UserPoolClient"]!["ClientId"]!.GetValue<string>();
    }

    public async Task CreateUserAsync(string poolId, string username, params string[] groups)
    {
        await CallAsync("AdminCreateUser", new
        {
            UserPoolId = poolId,
            Username = username,
            MessageAction = "SUPPRESS",
            UserAttributes = new[] { new { Name = "email", Value = $"{username}@example.test" } },
        });
        await CallAsync("AdminSetUserPassword", new { UserPoolId = poolId, Username = username, Password, Permanent = true });
        foreach (var group in groups) await CallAsync("AdminAddUserToGroup", new { UserPoolId = poolId, Username = username, GroupName = group });
    }

    /// <summary>An access token from the pool (ADMIN_USER_PASSWORD_AUTH), as a sign-in would get it.</summary>
    public async Task<string> AccessTokenAsync(string poolId, string clientId, string username)
    {
        var result = await CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = poolId,
            ClientId = clientId,
            AuthFlow = "ADMIN_USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = Password },
        });
        return result["AuthenticationResult"]!["AccessToken"]!.GetValue<string>();
    }

    public Uri JwksUrl(string poolId) => new(moto.Url, $"/{poolId}/.well-known/jwks.json");

    private async Task<JsonNode> CallAsync(string action, object body)
    {
        // A sized body: moto does not read chunked ones.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body)) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService." + action);
        // moto reads the region from the credential scope and does not check the signature.
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=moto/20260101/{MotoServer.Region}/cognito-idp/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Cognito {action} failed ({(int)response.StatusCode}): {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text) ?? new JsonObject();
    }

    public void Dispose() => _http.Dispose();
}
