using BoxOffice.Adapters.Aws.Cognito;
using BoxOffice.Api.Tests.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>The user pool's keys, fetched from moto's JWKS, against access tokens moto's Cognito issues.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class CognitoSigningKeysContractTests(MotoServer moto) : SigningKeysContract, IDisposable
{
    private readonly MotoCognito _cognito = new(moto);
    private readonly ServiceProvider _http = new ServiceCollection().AddHttpClient().BuildServiceProvider();

    protected override async Task<(IConfigurationManager<OpenIdConnectConfiguration> Keys, Func<Task<string>> IssueToken, string Issuer)> CreateAsync()
    {
        var (poolId, clientId) = await _cognito.CreatePoolAsync("admin");
        await _cognito.CreateUserAsync(poolId, "alice");
        var issuer = CognitoUserPool.Issuer(MotoServer.Region, poolId);
        var keys = CognitoSigningKeys.Create(issuer, _cognito.JwksUrl(poolId).ToString(), _http.GetRequiredService<IHttpClientFactory>());
        return (keys, () => _cognito.AccessTokenAsync(poolId, clientId, "alice"), issuer);
    }

    public void Dispose()
    {
        _cognito.Dispose();
        _http.Dispose();
    }
}
