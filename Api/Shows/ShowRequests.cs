using BoxOffice.Core.Shows;

namespace BoxOffice.Api.Shows;

/// <summary>A new show. <c>onSale</c> defaults to true.</summary>
public sealed record CreateShowRequest(string? Title, string? Venue, DateTimeOffset? StartsAt, int? Capacity, decimal? Price, bool? OnSale)
{
    public Dictionary<string, string[]> Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        ShowRules.CheckText(errors, "title", Title, required: true);
        ShowRules.CheckText(errors, "venue", Venue, required: true);
        ShowRules.CheckStart(errors, StartsAt, now, required: true);
        ShowRules.CheckCapacity(errors, Capacity, required: true);
        ShowRules.CheckPrice(errors, Price, required: true);
        return errors;
    }
}

/// <summary>An edit: send only what changes. <c>status</c> is OnSale or OffSale (cancel with DELETE).</summary>
public sealed record PatchShowRequest(string? Title, string? Venue, DateTimeOffset? StartsAt, int? Capacity, decimal? Price, ShowStatus? Status)
{
    public Dictionary<string, string[]> Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        ShowRules.CheckText(errors, "title", Title, required: false);
        ShowRules.CheckText(errors, "venue", Venue, required: false);
        ShowRules.CheckStart(errors, StartsAt, now, required: false);
        ShowRules.CheckCapacity(errors, Capacity, required: false);
        ShowRules.CheckPrice(errors, Price, required: false);
        if (Status == ShowStatus.Cancelled) errors["status"] = ["Cancel a show with DELETE /shows/{showId}."];
        if (errors.Count == 0 && Title is null && Venue is null && StartsAt is null && Capacity is null && Price is null && Status is null)
            errors[""] = ["Nothing to change."];
        return errors;
    }

    public ShowChanges ToChanges() => new()
    {
        Title = Title?.Trim(), Venue = Venue?.Trim(), StartsAt = StartsAt, Capacity = Capacity, Price = Price, Status = Status,
    };
}
