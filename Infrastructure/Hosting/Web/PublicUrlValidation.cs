using BoxOffice.Core.Web;
using Microsoft.Extensions.Options;

namespace BoxOffice.Hosting.Web;

/// <summary>Refuses to start with a public base URL no link could be built on, saying what is wrong with it.</summary>
internal sealed class PublicUrlValidation : IValidateOptions<PublicUrlOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicUrlOptions options) =>
        PublicUrlOptions.Problem(options.BaseUrl) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
