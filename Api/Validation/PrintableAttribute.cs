using System.ComponentModel.DataAnnotations;

namespace BoxOffice.Api.Validation;

/// <summary>Text a person can read: not blank, no control characters. Its length is a rule of its own.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PrintableAttribute : RegularExpressionAttribute
{
    public const string Printable = @"^(?!\s*$)[^\p{Cc}]*$";

    public PrintableAttribute()
        : base(Printable) => ErrorMessage = "Printable characters, not only spaces.";
}
