using System.ComponentModel.DataAnnotations;

namespace BoxOffice.Api.Validation;

/// <summary>A time after now, as the app's <see cref="TimeProvider"/> tells it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class FutureAttribute : ValidationAttribute
{
    public FutureAttribute()
        : base("Must be in the future.")
    {
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not DateTimeOffset time) return ValidationResult.Success;
        var now = (validationContext.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        return time > now ? ValidationResult.Success : new ValidationResult(ErrorMessageString, MemberOf(validationContext));
    }

    private static string[]? MemberOf(ValidationContext context) => context.MemberName is { } name ? [name] : null;
}
