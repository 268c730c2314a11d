using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Hosting.Lambda;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>The opt-in that makes an API Gateway authorizer's claims <c>HttpContext.User</c>.</summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class AuthorizerClaimsTests : IAsyncLifetime
{
    private EchoApp _app = null!;

    public async Task InitializeAsync() => _app = await EchoApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(LambdaEventSource.HttpApi, "http-jwt-authorizer.json")]
    [InlineData(LambdaEventSource.RestApi, "rest-cognito-authorizer.json")]
    public async Task Off_by_default_the_user_stays_anonymous(LambdaEventSource source, string payload)
    {
        var echoed = await EchoAsync(source, payload, map: null);

        Assert.False(echoed.GetProperty("authenticated").GetBoolean());
        Assert.Empty(echoed.GetProperty("claims").EnumerateArray());
    }

    [Fact]
    public async Task On_an_http_api_jwt_authorizers_claims_and_scopes_become_the_user()
    {
        var echoed = await EchoAsync(LambdaEventSource.HttpApi, "http-jwt-authorizer.json", map: true);

        Assert.True(echoed.GetProperty("authenticated").GetBoolean());
        Assert.Equal("ApiGateway.JwtAuthorizer", echoed.GetProperty("authenticationType").GetString());
        var claims = Claims(echoed);
        Assert.Contains(("sub", "7a1c0e9e-2b4d-4f61-9c0d-5e8f3a2b1c40"), claims);
        Assert.Contains(("username", "ann"), claims);
        Assert.Contains(("cognito:groups", "[admin]"), claims);
        Assert.Equal(["boxoffice/orders.read", "boxoffice/orders.write"], claims.Where(c => c.Type == "scope").Select(c => c.Value));
        Assert.Equal(8, claims.Length); // six claims, the "scope" string replaced by its two scopes
    }

    [Fact]
    public async Task On_a_rest_api_cognito_authorizers_claims_become_the_user()
    {
        var echoed = await EchoAsync(LambdaEventSource.RestApi, "rest-cognito-authorizer.json", map: true);

        Assert.True(echoed.GetProperty("authenticated").GetBoolean());
        Assert.Equal("ApiGateway.CognitoAuthorizer", echoed.GetProperty("authenticationType").GetString());
        var claims = Claims(echoed);
        Assert.Contains(("cognito:username", "ann"), claims);
        Assert.Contains(("cognito:groups", "admin"), claims);
        Assert.Contains(("email_verified", "true"), claims);
        Assert.Equal(6, claims.Length);
    }

    [Theory]
    [InlineData(LambdaEventSource.HttpApi, "http-get-repeated-query.json")]
    [InlineData(LambdaEventSource.RestApi, "rest-get-multivalue.json")]
    public async Task On_but_without_an_authorizer_the_user_stays_anonymous(LambdaEventSource source, string payload)
    {
        var echoed = await EchoAsync(source, payload, map: true);

        Assert.False(echoed.GetProperty("authenticated").GetBoolean());
        Assert.Empty(echoed.GetProperty("claims").EnumerateArray());
    }

    private async Task<JsonElement> EchoAsync(LambdaEventSource source, string payload, bool? map)
    {
        var response = await _app.InvokeAsync(source, Payloads.Read(payload), configure: map is { } on ? o => o.MapAuthorizerClaims = on : null);
        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        return JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement.Clone();
    }

    private static (string Type, string Value)[] Claims(JsonElement echoed) =>
        [.. echoed.GetProperty("claims").EnumerateArray().Select(c => (c[0].GetString()!, c[1].GetString()!))];
}
