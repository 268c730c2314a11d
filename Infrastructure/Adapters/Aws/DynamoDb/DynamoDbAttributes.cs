using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>Reading and writing attribute values. Times are fixed-width UTC ISO 8601 text, so they sort as strings.</summary>
internal static class DynamoDbAttributes
{
    public static AttributeValue Str(string value) => new() { S = value };

    public static AttributeValue Num(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Num(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Time(DateTimeOffset value) => Str(Format(value));

    public static AttributeValue List(IEnumerable<string> values) => new() { L = values.Select(Str).ToList() };

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string String(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.S is not null ? v.S : throw Missing(name);

    public static string? OptionalString(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) ? v.S : null;

    public static int Int(this Dictionary<string, AttributeValue> item, string name) => (int)item.Long(name);

    public static long Long(this Dictionary<string, AttributeValue> item, string name) =>
        long.Parse(item.Number(name), CultureInfo.InvariantCulture);

    public static decimal Decimal(this Dictionary<string, AttributeValue> item, string name) =>
        decimal.Parse(item.Number(name), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(this Dictionary<string, AttributeValue> item, string name) =>
        DateTimeOffset.Parse(item.String(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? OptionalTime(this Dictionary<string, AttributeValue> item, string name) =>
        item.OptionalString(name) is null ? null : item.Time(name);

    public static TEnum Enum<TEnum>(this Dictionary<string, AttributeValue> item, string name) where TEnum : struct, System.Enum =>
        System.Enum.Parse<TEnum>(item.String(name));

    public static IReadOnlyList<string> Strings(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.L is { } list ? list.Select(e => e.S).ToList() : [];

    private static string Number(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.N is not null ? v.N : throw Missing(name);

    private static InvalidOperationException Missing(string name) => new($"Stored item has no attribute '{name}'.");
}
