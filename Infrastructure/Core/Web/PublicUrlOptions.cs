namespace BoxOffice.Core.Web;

/// <summary>
/// Section <c>BoxOffice:PublicUrl</c>: where clients reach this app. Every absolute URL the app hands out (signed file
/// URLs of the local shape, the site's <c>config.json</c>, the dev sign-in's callback) is built from it, never from a
/// request's <c>Host</c> header.
/// </summary>
public sealed class PublicUrlOptions
{
    public const string Section = "BoxOffice:PublicUrl";
    public const string BaseUrlKey = Section + ":BaseUrl";

    /// <summary>
    /// <c>http(s)://host[:port][/path]</c>, e.g. <c>https://tickets.example.com</c> behind a proxy; default: the address
    /// the server listens on (a wildcard address stands for <c>localhost</c>).
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>What is wrong with <paramref name="baseUrl"/>, or null when it is unset or usable.</summary>
    public static string? Problem(string? baseUrl)
    {
        if (string.IsNullOrEmpty(baseUrl)) return null;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return $"{BaseUrlKey} must be an absolute http or https URL, e.g. https://tickets.example.com.";
        if (url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0 || baseUrl.Contains('#', StringComparison.Ordinal))
            return $"{BaseUrlKey} must carry no user name, query or fragment.";
        return null;
    }
}
