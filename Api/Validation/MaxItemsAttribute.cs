using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace BoxOffice.Api.Validation;

/// <summary>
/// A list of at most <see cref="Length"/> items. <c>[MaxLength]</c> would do, but it finds the count of other types
/// by reflection, which ahead-of-time compilation cannot follow; request lists are arrays or lists.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MaxItemsAttribute(int length) : ValidationAttribute("At most {1} items.")
{
    public int Length { get; } = length;

    public override bool IsValid(object? value) => value is not ICollection items || items.Count <= Length;

    public override string FormatErrorMessage(string name) => string.Format(System.Globalization.CultureInfo.CurrentCulture, ErrorMessageString, name, Length);
}
