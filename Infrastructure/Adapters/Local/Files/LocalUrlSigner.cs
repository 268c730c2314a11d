using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BoxOffice.Adapters.Local.Files;

/// <summary>
/// The local twin of S3 presigning: an HMAC over method, key, expiry and (for uploads) content type and length,
/// carried in the query string and checked by the Api's <c>/files</c> routes.
/// </summary>
public sealed class LocalUrlSigner(byte[] secret)
{
    public string Sign(string method, string key, long expiresUnix, string? contentType = null, long? contentLength = null)
    {
        var canonical = string.Join('\n', method, key, expiresUnix.ToString(CultureInfo.InvariantCulture), contentType ?? "", contentLength?.ToString(CultureInfo.InvariantCulture) ?? "");
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(canonical)));
    }

    public bool Verify(string signature, string method, string key, long expiresUnix, string? contentType = null, long? contentLength = null)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(method, key, expiresUnix, contentType, contentLength));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
