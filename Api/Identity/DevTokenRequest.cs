using System.ComponentModel.DataAnnotations;
using BoxOffice.Api.Validation;

namespace BoxOffice.Api.Identity;

/// <summary>Who the dev token is for.</summary>
/// <param name="Username">1 to 128 printable characters; any name works.</param>
/// <param name="Groups">Up to 20 groups of 1 to 64 characters; "admin" opens the admin routes.</param>
/// <param name="Email">Put into the token's email claim.</param>
public sealed record DevTokenRequest(
    [property: Required(ErrorMessage = "Required."), StringLength(128, MinimumLength = 1, ErrorMessage = "{2} to {1} characters."), Printable]
    string? Username,
    [property: MaxItems(20, ErrorMessage = "At most {1} groups.")]
    string[]? Groups,
    [property: StringLength(254, ErrorMessage = "At most {1} characters."), EmailAddress(ErrorMessage = "Not an email address.")]
    string? Email) : IValidatableObject
{
    public const int MaxGroupLength = 64;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Groups?.Any(g => string.IsNullOrWhiteSpace(g) || g.Length > MaxGroupLength) == true)
            yield return new ValidationResult($"Each group: 1 to {MaxGroupLength} characters.", [nameof(Groups)]);
    }
}
