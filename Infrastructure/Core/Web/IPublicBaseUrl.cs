namespace BoxOffice.Core.Web;

/// <summary>The absolute URL clients reach this app at (<see cref="PublicUrlOptions"/>): the base of every link it hands out.</summary>
public interface IPublicBaseUrl
{
    /// <summary><c>scheme://host[:port][/path]</c>, without a trailing slash.</summary>
    string Value { get; }

    /// <summary><c>scheme://host[:port]</c> of <see cref="Value"/>.</summary>
    string Origin { get; }
}
