using System.Text.Json;
using System.Text.RegularExpressions;

namespace BoxOffice.Api.Problems;

/// <summary>
/// .NET 10's request validation keys its errors by C# member path ("StartsAt", "Groups[0]"), not by the JSON names
/// clients send (dotnet/aspnetcore#61764). This renames each member of such a path with the JSON naming policy;
/// keys that are no member path, such as a header name or "", stay as they are.
/// </summary>
public static partial class ValidationErrorKeys
{
    public static IDictionary<string, string[]> ToJsonNames(IDictionary<string, string[]> errors, JsonNamingPolicy? policy)
    {
        if (policy is null) return errors;
        var renamed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in errors)
        {
            var name = MemberPath().IsMatch(key) ? string.Join('.', key.Split('.').Select(segment => Rename(segment, policy))) : key;
            renamed[name] = renamed.TryGetValue(name, out var earlier) ? [.. earlier, .. messages] : messages;
        }
        return renamed;
    }

    private static string Rename(string segment, JsonNamingPolicy policy)
    {
        var index = segment.IndexOf('[', StringComparison.Ordinal);
        return index < 0 ? policy.ConvertName(segment) : policy.ConvertName(segment[..index]) + segment[index..];
    }

    [GeneratedRegex(@"^[A-Za-z_]\w*(\[\d+\])*(\.[A-Za-z_]\w*(\[\d+\])*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex MemberPath();
}
