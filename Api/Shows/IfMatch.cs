using System.Globalization;

namespace BoxOffice.Api.Shows;

/// <summary>
/// An <c>If-Match</c> precondition as RFC 9110 (13.1.1) defines it: <c>*</c>, true for any current version, or a
/// list of entity tags compared strongly: a weak tag (<c>W/"3"</c>) never matches, and a strong one matches only
/// when its opaque tag is exactly that of the version's ETag (<see cref="ShowResponse.ETagOf"/>).
/// </summary>
public sealed class IfMatch
{
    private readonly HashSet<string> _strongTags;

    private IfMatch(bool isAny, HashSet<string> strongTags, bool onlyWeak)
    {
        IsAny = isAny;
        _strongTags = strongTags;
        OnlyWeak = onlyWeak;
    }

    public bool IsAny { get; }

    /// <summary>Every tag in the list is weak, so nothing can match.</summary>
    public bool OnlyWeak { get; }

    /// <summary>The version the list names when it names exactly one; null for <c>*</c> or any other list.</summary>
    public long? SingleVersion =>
        !IsAny && _strongTags.Count == 1 && long.TryParse(_strongTags.First(), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && Matches(version) ? version : null;

    public bool Matches(long version) => IsAny || _strongTags.Contains(version.ToString(CultureInfo.InvariantCulture));

    /// <summary>False when <paramref name="header"/> is neither <c>*</c> nor a comma-separated list of entity tags.</summary>
    public static bool TryParse(string header, out IfMatch condition)
    {
        condition = new IfMatch(true, [], false);
        if (header.Trim() == "*") return true;

        var (strong, weak) = (new HashSet<string>(StringComparer.Ordinal), 0);
        var rest = header.AsSpan();
        while (!(rest = rest.TrimStart(" \t,")).IsEmpty)
        {
            var isWeak = rest.StartsWith("W/", StringComparison.Ordinal);
            if (isWeak) rest = rest[2..];
            if (rest.IsEmpty || rest[0] != '"') return false;
            var close = rest[1..].IndexOf('"');
            if (close < 0) return false;
            var opaque = rest.Slice(1, close);
            // etagc: visible ASCII but DQUOTE (which ends the tag), and obs-text
            foreach (var c in opaque)
            {
                if (c is < '\x21' or '\x7f' or > '\xff') return false;
            }
            rest = rest[(close + 2)..].TrimStart(" \t");
            if (!rest.IsEmpty && rest[0] != ',') return false;

            if (isWeak) weak++;
            else strong.Add(opaque.ToString());
        }
        condition = new IfMatch(false, strong, weak > 0 && strong.Count == 0);
        return true;
    }
}
