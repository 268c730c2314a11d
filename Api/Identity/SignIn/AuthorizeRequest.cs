using Microsoft.Extensions.Primitives;

namespace BoxOffice.Api.Identity.SignIn;

/// <summary>The parameters of an authorization request (RFC 6749 section 4.1.1 with RFC 7636), from a query or a form.</summary>
public sealed record AuthorizeRequest(
    string? ResponseType, string? ClientId, string? RedirectUri, string? State, string? CodeChallenge, string? CodeChallengeMethod, string? Scope, string? Prompt)
{
    public static AuthorizeRequest From(Func<string, StringValues> read)
    {
        string? One(string name) => read(name) is { Count: 1 } value ? value.ToString() : null;
        return new AuthorizeRequest(One("response_type"), One("client_id"), One("redirect_uri"), One("state"),
            One("code_challenge"), One("code_challenge_method"), One("scope"), One("prompt"));
    }

    /// <summary>The fields the sign-in form carries over to its POST.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Fields() =>
    [
        new("response_type", ResponseType), new("client_id", ClientId), new("redirect_uri", RedirectUri), new("state", State),
        new("code_challenge", CodeChallenge), new("code_challenge_method", CodeChallengeMethod), new("scope", Scope),
    ];

    /// <summary>An error only a person can be told of: the client or its redirect URI is not ours (never redirect there).</summary>
    public string? ClientError(string clientId, string callbackUri)
    {
        if (!string.Equals(ClientId, clientId, StringComparison.Ordinal)) return "Unknown client_id.";
        if (!string.Equals(RedirectUri, callbackUri, StringComparison.Ordinal)) return $"redirect_uri must be {callbackUri}.";
        return null;
    }

    /// <summary>An error reported back to the client on its redirect URI: (error code, description).</summary>
    public (string Code, string Description)? ProtocolError()
    {
        if (ResponseType != "code") return ("unsupported_response_type", "Only response_type=code is supported.");
        if (CodeChallengeMethod != "S256" || !Pkce.IsValidChallenge(CodeChallenge))
            return ("invalid_request", "PKCE is required: code_challenge (43 characters) with code_challenge_method=S256.");
        if (State is { Length: > 1024 }) return ("invalid_request", "state is longer than 1024 characters.");
        return null;
    }
}
