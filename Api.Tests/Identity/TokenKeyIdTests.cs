using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using BoxOffice.Adapters.Local.Identity;
using BoxOffice.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BoxOffice.Api.Tests.Identity;

/// <summary>
/// A token is verified by the key its <c>kid</c> names, and by no other: signed with a genuine key but naming a kid
/// the key set does not hold, or naming none, it is refused, in both shapes (not tried against every key).
/// </summary>
public sealed class TokenKeyIdTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    public static TheoryData<string> KeyIds => new() { "unknown-kid", "no-kid" };

    [Theory]
    [MemberData(nameof(KeyIds))]
    public async Task The_dev_issuer_refuses_its_own_key_under_another_or_no_kid(string kind)
    {
        var key = app.Services.GetRequiredService<DevTokenIssuer>().SigningKey;
        var client = app.CreateClient();

        var claims = Claims(DevTokenIssuer.DefaultIssuer, "boxoffice-local-client");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, Sign(new RsaSecurityKey(key.Rsa) { KeyId = key.KeyId }, claims)));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, Sign(WithKeyId(key.Rsa, kind), claims)));
    }

    [Theory]
    [MemberData(nameof(KeyIds))]
    public async Task The_user_pool_keys_refuse_a_pool_key_under_another_or_no_kid(string kind)
    {
        using var rsa = RSA.Create(2048);
        await using var jwks = await JwksServer.StartAsync(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "pool-key-1" });
        await using var pool = new AwsShapeApi(jwks.Url);
        var client = pool.CreateClient();

        var claims = Claims(AwsShapeApi.Issuer, AwsShapeApi.ClientId);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, Sign(new RsaSecurityKey(rsa) { KeyId = "pool-key-1" }, claims)));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, Sign(WithKeyId(rsa, kind), claims)));
    }

    private static RsaSecurityKey WithKeyId(RSA rsa, string kind) =>
        kind == "no-kid" ? new RsaSecurityKey(rsa) : new RsaSecurityKey(rsa) { KeyId = "not-in-the-key-set" };

    private static async Task<HttpStatusCode> MeAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.SendAsync(request)).StatusCode;
    }

    private static Dictionary<string, object> Claims(string issuer, string clientId) => new()
    {
        ["iss"] = issuer,
        ["sub"] = Guid.NewGuid().ToString(),
        ["username"] = "mallory",
        ["token_use"] = "access",
        ["client_id"] = clientId,
    };

    private static string Sign(RsaSecurityKey key, Dictionary<string, object> claims)
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        Assert.Equal(key.KeyId, new JsonWebToken(token).Kid is { Length: > 0 } kid ? kid : null);
        return token;
    }

    /// <summary>The Api in the AWS shape, its user pool's keys read from <paramref name="jwksUrl"/>; nothing else is reached.</summary>
    private sealed class AwsShapeApi(Uri jwksUrl) : WebApplicationFactory<Program>
    {
        public const string Issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_KeyIds";
        public const string ClientId = "key-id-tests-client";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var settings = new Dictionary<string, string>
            {
                ["BoxOffice:Shape"] = "Aws",
                ["BoxOffice:Aws:Region"] = "eu-west-1",
                ["BoxOffice:Aws:TableName"] = "unused",
                ["BoxOffice:Aws:BucketName"] = "unused",
                ["BoxOffice:Aws:QueueUrl"] = "http://127.0.0.1:9/queue",
                ["BoxOffice:Aws:DeadLetterQueueUrl"] = "http://127.0.0.1:9/dead-letters",
                ["BoxOffice:Aws:UserPoolId"] = "eu-west-1_KeyIds",
                ["BoxOffice:Identity:Issuer"] = Issuer,
                ["BoxOffice:Identity:ClientId"] = ClientId,
                ["BoxOffice:Identity:JwksUrl"] = jwksUrl.ToString(),
                ["BoxOffice:Paging:CursorKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Serilog:MinimumLevel"] = "Warning",
            };
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    /// <summary>A user pool's JWKS document on a free 127.0.0.1 port.</summary>
    private sealed class JwksServer(WebApplication server, Uri url) : IAsyncDisposable
    {
        public Uri Url => url;

        public static async Task<JwksServer> StartAsync(RsaSecurityKey publicKey)
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey);
            jwk.Use = "sig";
            jwk.Alg = SecurityAlgorithms.RsaSha256;
            var document = System.Text.Json.JsonSerializer.Serialize(new
            {
                keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = jwk.Use, alg = jwk.Alg, n = jwk.N, e = jwk.E } },
            });
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var server = builder.Build();
            server.MapGet("/pool/.well-known/jwks.json", () => Microsoft.AspNetCore.Http.Results.Text(document, "application/json"));
            await server.StartAsync();
            var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new JwksServer(server, new Uri(new Uri(address), "/pool/.well-known/jwks.json"));
        }

        public async ValueTask DisposeAsync()
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }
}
