using System.ComponentModel.DataAnnotations;

namespace BoxOffice.Api.Validation;

/// <summary>A decimal with at most <see cref="Places"/> digits after the point (money: 2).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DecimalPlacesAttribute(int places) : ValidationAttribute($"At most {places} decimals.")
{
    public int Places { get; } = places;

    public override bool IsValid(object? value) => value is not decimal number || decimal.Round(number, Places) == number;
}
