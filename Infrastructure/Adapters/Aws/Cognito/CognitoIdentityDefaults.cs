using BoxOffice.Core.Identity;
using Microsoft.Extensions.Options;

namespace BoxOffice.Adapters.Aws.Cognito;

/// <summary>
/// In the AWS shape the issuer defaults from the region and the user pool and the JWKS address from the issuer
/// (set <see cref="IdentityOptions.JwksUrl"/> to reach an emulator instead); the app client id must be configured.
/// </summary>
internal sealed class CognitoIdentityDefaults(IOptions<AwsOptions> aws) : IPostConfigureOptions<IdentityOptions>
{
    public void PostConfigure(string? name, IdentityOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            if (string.IsNullOrWhiteSpace(aws.Value.UserPoolId))
                throw new InvalidOperationException(
                    $"The AWS shape needs {AwsOptions.Section}:UserPoolId (env BoxOffice__Aws__UserPoolId) or {IdentityOptions.Section}:Issuer.");
            options.Issuer = CognitoUserPool.Issuer(AwsRegion.Resolve(aws.Value), aws.Value.UserPoolId);
        }
        if (string.IsNullOrWhiteSpace(options.JwksUrl)) options.JwksUrl = CognitoUserPool.JwksUrl(options.Issuer);
        if (string.IsNullOrWhiteSpace(options.ClientId) || options.ClientId == new IdentityOptions().ClientId)
            throw new InvalidOperationException(
                $"The AWS shape needs {IdentityOptions.Section}:ClientId (env BoxOffice__Identity__ClientId): the user pool's app client id.");
    }
}
