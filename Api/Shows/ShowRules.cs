namespace BoxOffice.Api.Shows;

/// <summary>The limits on a show's fields, shared by create and edit.</summary>
internal static class ShowRules
{
    public const int MaxCapacity = 100_000;
    public const decimal MaxPrice = 100_000m;

    public static void CheckText(Dictionary<string, string[]> errors, string field, string? value, bool required)
    {
        if (value is null)
        {
            if (required) errors[field] = ["Required."];
        }
        else if (string.IsNullOrWhiteSpace(value) || value.Length > 200 || value.Any(char.IsControl))
        {
            errors[field] = ["1 to 200 printable characters."];
        }
    }

    public static void CheckStart(Dictionary<string, string[]> errors, DateTimeOffset? startsAt, DateTimeOffset now, bool required)
    {
        if (startsAt is null)
        {
            if (required) errors["startsAt"] = ["Required (ISO 8601 with offset)."];
        }
        else if (startsAt <= now)
        {
            errors["startsAt"] = ["Must be in the future."];
        }
    }

    public static void CheckCapacity(Dictionary<string, string[]> errors, int? capacity, bool required)
    {
        if (capacity is null)
        {
            if (required) errors["capacity"] = ["Required."];
        }
        else if (capacity is < 1 or > MaxCapacity)
        {
            errors["capacity"] = [$"Between 1 and {MaxCapacity}."];
        }
    }

    public static void CheckPrice(Dictionary<string, string[]> errors, decimal? price, bool required)
    {
        if (price is null)
        {
            if (required) errors["price"] = ["Required."];
        }
        else if (price < 0 || price > MaxPrice || decimal.Round(price.Value, 2) != price)
        {
            errors["price"] = [$"Between 0 and {MaxPrice}, at most 2 decimals."];
        }
    }
}
