using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>
/// Paths as API Gateway delivers them: HTTP APIs decode them, REST APIs keep the percent-encoding. Both are made into a
/// valid encoded raw target (only what cannot stand literally in a path is escaped, so existing escapes survive), and
/// decoded the way Kestrel does it: every escape except <c>%2F</c>, so an encoded slash stays distinguishable.
/// </summary>
internal static class ApiGatewayPath
{
    private static readonly SearchValues<char> LiteralInPath =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/");

    private static readonly SearchValues<char> LiteralInQuery =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?");

    /// <summary>The encoded form of <paramref name="path"/>, always starting with '/'.</summary>
    public static string ToRawPath(string? path)
    {
        if (string.IsNullOrEmpty(path)) return "/";
        var encoded = Escape(path, LiteralInPath);
        return encoded[0] == '/' ? encoded : "/" + encoded;
    }

    /// <summary>A query string (without '?') with anything not allowed in a query escaped; existing escapes kept.</summary>
    public static string ToRawQuery(string? query) => string.IsNullOrEmpty(query) ? "" : Escape(query, LiteralInQuery);

    /// <summary>Splits <paramref name="rawPath"/> into the stage prefix (path base) and the rest, when it starts with it.</summary>
    public static (string PathBase, string Path) SplitStage(string rawPath, string? stage)
    {
        if (string.IsNullOrEmpty(stage) || stage == "$default") return ("", rawPath);
        var prefix = "/" + Escape(stage, LiteralInPath);
        if (!rawPath.StartsWith(prefix, StringComparison.Ordinal)) return ("", rawPath);
        if (rawPath.Length == prefix.Length) return (prefix, "/");
        return rawPath[prefix.Length] == '/' ? (prefix, rawPath[prefix.Length..]) : ("", rawPath);
    }

    /// <summary>Decodes every escape but <c>%2F</c>; a path whose escapes are not UTF-8 stays as it is.</summary>
    public static string Decode(string rawPath)
    {
        var firstEscape = rawPath.IndexOf('%');
        if (firstEscape < 0) return rawPath;

        var bytes = new ArrayBufferWriter<byte>(rawPath.Length);
        var literal = bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(firstEscape));
        bytes.Advance(Encoding.UTF8.GetBytes(rawPath.AsSpan(0, firstEscape), literal));
        for (var i = firstEscape; i < rawPath.Length; i++)
        {
            var c = rawPath[i];
            if (c == '%' && i + 2 < rawPath.Length && TryHex(rawPath[i + 1], rawPath[i + 2], out var value) && value != '/')
            {
                bytes.Write([value]);
                i += 2;
                continue;
            }
            var span = bytes.GetSpan(4);
            bytes.Advance(Encoding.UTF8.GetBytes(rawPath.AsSpan(i, char.IsHighSurrogate(c) && i + 1 < rawPath.Length ? 2 : 1), span));
            if (char.IsHighSurrogate(c)) i++;
        }
        return Utf8.IsValid(bytes.WrittenSpan) ? Encoding.UTF8.GetString(bytes.WrittenSpan) : rawPath;
    }

    private static string Escape(string value, SearchValues<char> literal)
    {
        var first = IndexOfUnsafe(value, 0, literal);
        if (first < 0) return value;

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, first);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (literal.Contains(c) || (c == '%' && IsEscape(value, i)))
            {
                builder.Append(c);
                continue;
            }
            var length = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? 2 : 1;
            var written = Encoding.UTF8.GetBytes(value.AsSpan(i, length), utf8);
            foreach (var b in utf8[..written]) builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            i += length - 1;
        }
        return builder.ToString();
    }

    private static int IndexOfUnsafe(string value, int start, SearchValues<char> literal)
    {
        for (var i = start; i < value.Length; i++)
        {
            var next = value.AsSpan(i).IndexOfAnyExcept(literal);
            if (next < 0) return -1;
            i += next;
            if (value[i] != '%' || !IsEscape(value, i)) return i;
        }
        return -1;
    }

    private static bool IsEscape(string value, int i) =>
        i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]);

    private static bool TryHex(char high, char low, out byte value)
    {
        value = 0;
        if (!Uri.IsHexDigit(high) || !Uri.IsHexDigit(low)) return false;
        value = (byte)((Uri.FromHex(high) << 4) | Uri.FromHex(low));
        return true;
    }
}
