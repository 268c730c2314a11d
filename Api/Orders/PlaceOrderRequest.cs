using System.ComponentModel.DataAnnotations;

namespace BoxOffice.Api.Orders;

/// <summary>How many seats to buy.</summary>
/// <param name="Quantity">1 to 10 seats.</param>
public sealed record PlaceOrderRequest(
    [property: Required(ErrorMessage = "Required."), Range(1, PlaceOrderRequest.MaxQuantity, ErrorMessage = "Between {1} and {2}.")] int? Quantity)
{
    public const int MaxQuantity = 10;
}
