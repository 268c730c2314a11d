using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace BoxOffice.Api.Identity.SignIn;

/// <summary>Proof Key for Code Exchange (RFC 7636), S256 only.</summary>
public static class Pkce
{
    /// <summary>A verifier is 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (section 4.1).</summary>
    public static bool IsValidVerifier(string? verifier) =>
        verifier is { Length: >= 43 and <= 128 } && verifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    /// <summary>An S256 challenge is base64url of a SHA-256 digest: 43 characters.</summary>
    public static bool IsValidChallenge(string? challenge) =>
        challenge is { Length: 43 } && challenge.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string ChallengeOf(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static bool Matches(string verifier, string challenge) =>
        IsValidVerifier(verifier) &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ChallengeOf(verifier)), Encoding.ASCII.GetBytes(challenge));
}
