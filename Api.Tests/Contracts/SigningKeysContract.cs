using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BoxOffice.Api.Tests.Contracts;

/// <summary>
/// What the identity port (the <see cref="IConfigurationManager{T}"/> JwtBearer reads) must hand out: the issuer
/// of the shape's tokens and the keys that verify them, and only them.
/// </summary>
public abstract class SigningKeysContract
{
    /// <summary>The shape's configuration manager, a way to get a real access token from its issuer, and that issuer.</summary>
    protected abstract Task<(IConfigurationManager<OpenIdConnectConfiguration> Keys, Func<Task<string>> IssueToken, string Issuer)> CreateAsync();

    [Fact]
    public async Task It_names_the_issuer_of_the_shapes_tokens()
    {
        var (keys, issue, issuer) = await CreateAsync();

        var configuration = await keys.GetConfigurationAsync(CancellationToken.None);

        Assert.Equal(issuer, configuration.Issuer);
        Assert.Equal(issuer, new JsonWebToken(await issue()).Issuer);
    }

    [Fact]
    public async Task Its_keys_verify_a_token_of_the_issuer()
    {
        var (keys, issue, _) = await CreateAsync();
        var configuration = await keys.GetConfigurationAsync(CancellationToken.None);

        var result = await Validate(await issue(), configuration);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("access", result.Claims["token_use"]);
    }

    /// <summary>JwtBearer picks the key by the token's kid and tries no other, so a key without one could verify nothing.</summary>
    [Fact]
    public async Task Each_of_its_keys_has_a_kid_and_its_tokens_name_one_of_them()
    {
        var (keys, issue, _) = await CreateAsync();
        var configuration = await keys.GetConfigurationAsync(CancellationToken.None);

        Assert.NotEmpty(configuration.SigningKeys);
        Assert.All(configuration.SigningKeys, key => Assert.False(string.IsNullOrEmpty(key.KeyId)));
        Assert.Contains(new JsonWebToken(await issue()).Kid, configuration.SigningKeys.Select(key => key.KeyId));
    }

    [Fact]
    public async Task Its_keys_refuse_a_token_signed_by_anyone_else()
    {
        var (keys, issue, issuer) = await CreateAsync();
        var configuration = await keys.GetConfigurationAsync(CancellationToken.None);
        var genuine = new JsonWebToken(await issue());
        using var rsa = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Claims = genuine.Claims.Where(c => c.Type is not ("iss" or "exp" or "iat" or "nbf")).GroupBy(c => c.Type).ToDictionary(g => g.Key, g => (object)g.First().Value),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = genuine.Kid }, SecurityAlgorithms.RsaSha256),
        });

        var result = await Validate(forged, configuration);

        Assert.False(result.IsValid);
    }

    private static Task<TokenValidationResult> Validate(string token, OpenIdConnectConfiguration configuration) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateAudience = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
}
