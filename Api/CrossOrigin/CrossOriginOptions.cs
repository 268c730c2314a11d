namespace BoxOffice.Api.CrossOrigin;

/// <summary>
/// Section <c>BoxOffice:Cors</c>: the browser origins, other than the Api's own, whose scripts may call the API (the
/// web front end when it lives elsewhere). Default: none, as the local site is served on the Api's origin. In AWS
/// the template sets the CloudFront site's origin and the stack's <c>AllowedOrigins</c>.
/// </summary>
public sealed class CrossOriginOptions
{
    public const string Section = "BoxOffice:Cors";

    /// <summary>Comma-separated origins (<c>https://host[:port]</c>), so one environment variable carries the list.</summary>
    public string? AllowedOrigins { get; set; }

    /// <summary>The configured origins, without a trailing slash, each once.</summary>
    public IReadOnlyList<string> Origins() =>
        (AllowedOrigins ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(origin => origin.TrimEnd('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
