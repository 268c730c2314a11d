using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BoxOffice.Core.Paging;

/// <summary>
/// Turns an adapter's position (last key seen) into an opaque cursor: base64url(JSON) + HMAC, bound to the
/// list it came from, so a forged, edited or borrowed cursor is rejected instead of steering a query.
/// </summary>
public sealed class CursorCodec(byte[] key)
{
    private const int MacLength = 16;

    public string Encode(string scope, IReadOnlyDictionary<string, string> position)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(position, CursorJsonContext.Default.IReadOnlyDictionaryStringString);
        var mac = Mac(scope, payload);
        var bytes = new byte[payload.Length + MacLength];
        payload.CopyTo(bytes, 0);
        mac.AsSpan(0, MacLength).CopyTo(bytes.AsSpan(payload.Length));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Decodes a cursor of <paramref name="scope"/>; throws <see cref="InvalidCursorException"/> on anything else.</summary>
    public Dictionary<string, string> Decode(string scope, string cursor)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            throw new InvalidCursorException();
        }
        if (bytes.Length <= MacLength) throw new InvalidCursorException();
        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        var expected = Mac(scope, payload.ToArray()).AsSpan(0, MacLength);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(bytes.Length - MacLength)))
            throw new InvalidCursorException();
        try
        {
            return JsonSerializer.Deserialize(payload, CursorJsonContext.Default.DictionaryStringString) ?? throw new InvalidCursorException();
        }
        catch (JsonException)
        {
            throw new InvalidCursorException();
        }
    }

    private byte[] Mac(string scope, byte[] payload)
    {
        var scoped = Encoding.UTF8.GetBytes(scope + "\n");
        byte[] data = [.. scoped, .. payload];
        return HMACSHA256.HashData(key, data);
    }
}
