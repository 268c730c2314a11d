using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using BoxOffice.Api.Validation;
using BoxOffice.Core.Shows;

namespace BoxOffice.Api.Shows;

/// <summary>A new show.</summary>
/// <param name="Title">1 to 200 printable characters.</param>
/// <param name="Venue">1 to 200 printable characters.</param>
/// <param name="StartsAt">In the future; ISO 8601 with an offset.</param>
/// <param name="Capacity">Seats, 1 to 100000.</param>
/// <param name="Price">Price of one seat, 0 to 100000 with at most 2 decimals.</param>
/// <param name="OnSale">Listed and taking orders at once (default true), or created off sale.</param>
public sealed record CreateShowRequest(
    [property: Required(ErrorMessage = "Required."), StringLength(ShowLimits.MaxTextLength, MinimumLength = 1, ErrorMessage = "{2} to {1} characters."), Printable]
    string? Title,
    [property: Required(ErrorMessage = "Required."), StringLength(ShowLimits.MaxTextLength, MinimumLength = 1, ErrorMessage = "{2} to {1} characters."), Printable]
    string? Venue,
    [property: Required(ErrorMessage = "Required (ISO 8601 with offset)."), Future]
    DateTimeOffset? StartsAt,
    [property: Required(ErrorMessage = "Required."), Range(1, ShowLimits.MaxCapacity, ErrorMessage = "Between {1} and {2}.")]
    int? Capacity,
    [property: Required(ErrorMessage = "Required."), Range(0d, ShowLimits.MaxPrice, ErrorMessage = "Between {1} and {2}."), DecimalPlaces(2)]
    decimal? Price,
    [property: DefaultValue(true)]
    bool? OnSale);

/// <summary>An edit: send only what changes, at least one field.</summary>
/// <param name="Title">1 to 200 printable characters.</param>
/// <param name="Venue">1 to 200 printable characters.</param>
/// <param name="StartsAt">In the future; ISO 8601 with an offset.</param>
/// <param name="Capacity">Seats, 1 to 100000; not below the seats already sold.</param>
/// <param name="Price">Price of one seat for new orders, 0 to 100000 with at most 2 decimals.</param>
/// <param name="Status">OnSale or OffSale (cancel a show with DELETE).</param>
public sealed record PatchShowRequest(
    [property: StringLength(ShowLimits.MaxTextLength, MinimumLength = 1, ErrorMessage = "{2} to {1} characters."), Printable]
    string? Title,
    [property: StringLength(ShowLimits.MaxTextLength, MinimumLength = 1, ErrorMessage = "{2} to {1} characters."), Printable]
    string? Venue,
    [property: Future]
    DateTimeOffset? StartsAt,
    [property: Range(1, ShowLimits.MaxCapacity, ErrorMessage = "Between {1} and {2}.")]
    int? Capacity,
    [property: Range(0d, ShowLimits.MaxPrice, ErrorMessage = "Between {1} and {2}."), DecimalPlaces(2)]
    decimal? Price,
    [property: AllowedValues(ShowStatus.OnSale, ShowStatus.OffSale, null, ErrorMessage = "OnSale or OffSale; cancel a show with DELETE /shows/{{showId}}.")]
    ShowStatus? Status) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Title is null && Venue is null && StartsAt is null && Capacity is null && Price is null && Status is null)
            yield return new ValidationResult("Nothing to change.");
    }

    public ShowChanges ToChanges() => new()
    {
        Title = Title?.Trim(), Venue = Venue?.Trim(), StartsAt = StartsAt, Capacity = Capacity, Price = Price, Status = Status,
    };
}
