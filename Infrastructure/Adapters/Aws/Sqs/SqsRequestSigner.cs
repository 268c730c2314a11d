using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>
/// Signs an HTTP request with AWS Signature Version 4: we build the canonical request (method, path, query, the
/// headers we send, the body hash) and AWSSDK.Core's <see cref="AWS4Signer"/> derives the key and the signature.
/// </summary>
public static class SqsRequestSigner
{
    public const string DateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    /// <summary>
    /// Adds <c>X-Amz-Date</c>, the session token when there is one, and <c>Authorization</c> to
    /// <paramref name="headers"/> (which must hold every other header to sign, <c>Host</c> included).
    /// </summary>
    public static void Sign(
        IDictionary<string, string> headers, string method, Uri uri, byte[] body,
        ImmutableCredentials credentials, string region, string service, DateTime signedAtUtc)
    {
        headers[DateHeader] = signedAtUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        if (credentials.UseToken) headers[SecurityTokenHeader] = credentials.Token;

        var sorted = headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: CollapseSpaces(h.Value.Trim())))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var signedHeaders = string.Join(';', sorted.Select(h => h.Name));
        var canonical = new StringBuilder()
            .Append(method).Append('\n')
            .Append(string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : uri.AbsolutePath).Append('\n')
            .Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in sorted) canonical.Append(name).Append(':').Append(value).Append('\n');
        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(body)));

        var result = AWS4Signer.ComputeSignature(credentials, region, signedAtUtc, service, signedHeaders, canonical.ToString());
        headers["Authorization"] = result.ForAuthorizationHeader;
    }

    /// <summary>The value of the <c>Host</c> header as HttpClient sends it (port only when not the scheme's default).</summary>
    public static string HostOf(Uri uri) => uri.IsDefaultPort ? uri.Host : uri.Authority;

    private static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query) || query == "?") return "";
        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Encode(Uri.UnescapeDataString(p[0])), Value: Encode(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    // RFC 3986 unreserved characters stay, everything else is percent-encoded (what SigV4 asks for).
    private static string Encode(string value) => Uri.EscapeDataString(value);

    private static string CollapseSpaces(string value)
    {
        if (!value.Contains("  ", StringComparison.Ordinal)) return value;
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c == ' ' && sb.Length > 0 && sb[^1] == ' ') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
