using Microsoft.Extensions.Options;

namespace BoxOffice.Api.RateLimiting;

/// <summary>Refuses to start with a rule that could not limit anything sensibly, naming the setting.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public const int MaxPermitLimit = 1_000_000;
    public static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(RateLimitOptions.Orders), options.Orders);
        Check(failures, nameof(RateLimitOptions.Reports), options.Reports);
        Check(failures, nameof(RateLimitOptions.SignIn), options.SignIn);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public void ThrowIfInvalid(RateLimitOptions options)
    {
        var result = Validate(null, options);
        if (result.Failed) throw new OptionsValidationException(RateLimitOptions.Section, typeof(RateLimitOptions), result.Failures);
    }

    private static void Check(List<string> failures, string rule, RateLimitRule? value)
    {
        var key = $"{RateLimitOptions.Section}:{rule}";
        if (value is null)
        {
            failures.Add($"{key} is missing.");
            return;
        }
        if (value.PermitLimit is < 1 or > MaxPermitLimit)
            failures.Add($"{key}:PermitLimit must be between 1 and {MaxPermitLimit}; it is {value.PermitLimit}.");
        if (value.Window < MinWindow || value.Window > MaxWindow)
            failures.Add($"{key}:Window must be between {MinWindow:c} and {MaxWindow:c}; it is {value.Window:c}.");
    }
}
