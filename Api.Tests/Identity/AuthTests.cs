using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using BoxOffice.Adapters.Local.Identity;
using BoxOffice.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BoxOffice.Api.Tests.Identity;

public class AuthTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    public static TheoryData<string, string> AdminRoutes => new()
    {
        { "POST", "/shows" },
        { "PATCH", "/shows/some-show" },
        { "DELETE", "/shows/some-show" },
        { "POST", "/shows/some-show/poster" },
        { "POST", "/reports/sales" },
        { "GET", "/reports/some-report" },
        { "GET", "/admin/shows" },
        { "GET", "/admin/dead-letters" },
        { "POST", "/admin/dead-letters/redrive" },
    };

    public static TheoryData<string, string> SignedInRoutes => new()
    {
        { "GET", "/me" },
        { "POST", "/shows/some-show/orders" },
        { "GET", "/orders" },
        { "GET", "/orders/some-order" },
        { "DELETE", "/orders/some-order" },
    };

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    [MemberData(nameof(SignedInRoutes))]
    public async Task No_token_is_401_problem(string method, string path)
    {
        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });
        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task Non_admin_is_403_problem_on_admin_routes(string method, string path)
    {
        var user = await app.ClientForAsync("bob");
        var response = await user.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });
        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Me_returns_the_token_identity()
    {
        var client = await app.ClientForAsync("carol", "admin", "ops");
        var me = await client.GetJsonAsync("/me");
        Assert.Equal(DevTokenIssuer.SubjectOf("carol"), me.Str("sub"));
        Assert.Equal("carol", me.Str("username"));
        Assert.Equal("carol@example.test", me.Str("email"));
        Assert.Equal(new[] { "admin", "ops" }, me.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!).ToArray());
    }

    [Fact]
    public async Task Dev_token_has_the_cognito_access_token_shape()
    {
        var client = await app.ClientForAsync("dave", "admin");
        var token = new JsonWebToken(client.DefaultRequestHeaders.Authorization!.Parameter);
        Assert.Equal("RS256", token.Alg);
        Assert.False(string.IsNullOrEmpty(token.Kid));
        Assert.Equal("access", token.GetClaim("token_use").Value);
        Assert.Equal("boxoffice-local-client", token.GetClaim("client_id").Value);
        Assert.Equal("dave", token.GetClaim("username").Value);
        Assert.Equal(DevTokenIssuer.DefaultIssuer, token.Issuer);
        Assert.Contains(token.Claims, c => c.Type == "cognito:groups" && c.Value == "admin");
        Assert.True(token.ValidTo > DateTime.UtcNow.AddMinutes(50));
    }

    [Fact]
    public async Task Jwks_publishes_the_signing_key()
    {
        var client = await app.ClientForAsync("erin");
        var kid = new JsonWebToken(client.DefaultRequestHeaders.Authorization!.Parameter).Kid;
        var jwks = await app.CreateClient().GetJsonAsync("/dev/.well-known/jwks.json");
        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal(kid, key.Str("kid"));
        Assert.Equal("RSA", key.Str("kty"));
        Assert.False(key.TryGetProperty("d", out _), "the private exponent must not be published");
    }

    public static TheoryData<string> BadTokens => new() { "garbage", "forged-signature", "expired", "id-token", "other-client", "other-issuer", "hs256" };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_tokens_are_401(string kind)
    {
        var issuer = app.Services.GetRequiredService<DevTokenIssuer>();
        var token = kind switch
        {
            "garbage" => "not.a.jwt",
            "forged-signature" => Sign(new RsaSecurityKey(RSA.Create(2048)) { KeyId = issuer.SigningKey.KeyId }, Claims()),
            "expired" => Sign(issuer.SigningKey, Claims(), expires: DateTime.UtcNow.AddMinutes(-5)),
            "id-token" => Sign(issuer.SigningKey, Claims(tokenUse: "id")),
            "other-client" => Sign(issuer.SigningKey, Claims(clientId: "someone-else")),
            "other-issuer" => Sign(issuer.SigningKey, Claims(), iss: "https://evil.example"),
            _ => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = DevTokenIssuer.DefaultIssuer, Claims = Claims(), Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256),
            }),
        };
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await (await client.GetAsync("/me")).ProblemAsync(HttpStatusCode.Unauthorized);

        // the same key and claims, done right, are accepted: the cases above fail for their one flaw
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sign(issuer.SigningKey, Claims()));
        await client.GetJsonAsync("/me");
    }

    private static Dictionary<string, object> Claims(string tokenUse = "access", string clientId = "boxoffice-local-client") => new()
    {
        ["sub"] = Guid.NewGuid().ToString(),
        ["username"] = "mallory",
        ["token_use"] = tokenUse,
        ["client_id"] = clientId,
    };

    private static string Sign(SecurityKey key, Dictionary<string, object> claims, DateTime? expires = null, string iss = DevTokenIssuer.DefaultIssuer)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = iss, Claims = claims, IssuedAt = exp.AddMinutes(-20), NotBefore = exp.AddMinutes(-20), Expires = exp,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
