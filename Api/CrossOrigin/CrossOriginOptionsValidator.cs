using Microsoft.Extensions.Options;

namespace BoxOffice.Api.CrossOrigin;

/// <summary>Every allowed origin must be a plain <c>http(s)://host[:port]</c>: no wildcard, path, query or credentials.</summary>
public sealed class CrossOriginOptionsValidator : IValidateOptions<CrossOriginOptions>
{
    public ValidateOptionsResult Validate(string? name, CrossOriginOptions options)
    {
        var failures = options.Origins().Where(origin => !IsOrigin(origin))
            .Select(origin => $"{CrossOriginOptions.Section}:AllowedOrigins: '{origin}' is not an origin; write scheme://host[:port] (http or https, no path).")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public void ThrowIfInvalid(CrossOriginOptions options)
    {
        var result = Validate(null, options);
        if (result.Failed) throw new OptionsValidationException(CrossOriginOptions.Section, typeof(CrossOriginOptions), result.Failures);
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
        && !value.Contains('*', StringComparison.Ordinal)
        && string.Equals(value, uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}
