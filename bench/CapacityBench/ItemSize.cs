using System.Text;
using Amazon.DynamoDBv2.Model;

namespace BoxOffice.Bench;

/// <summary>
/// An item's size as DynamoDB meters it: names and values in UTF-8 bytes, a number one byte per two significant digits
/// plus one, a list or map three bytes plus one per element. Capacity is charged per started KB written (1,024 bytes)
/// and per started 4 KB read.
/// </summary>
internal static class ItemSize
{
    public const int WriteUnitBytes = 1024;
    public const int ReadUnitBytes = 4096;

    public static int Of(IReadOnlyDictionary<string, AttributeValue>? item) =>
        item is null ? 0 : item.Sum(a => Utf8(a.Key) + Value(a.Value));

    /// <summary>Write units of one item (or index entry) of <paramref name="bytes"/>: one per started KB, at least one.</summary>
    public static int WriteUnits(int bytes) => Math.Max(1, (bytes + WriteUnitBytes - 1) / WriteUnitBytes);

    /// <summary>Read blocks of <paramref name="bytes"/>: one per started 4 KB, at least one.</summary>
    public static int ReadBlocks(int bytes) => Math.Max(1, (bytes + ReadUnitBytes - 1) / ReadUnitBytes);

    private static int Value(AttributeValue value) => value switch
    {
        { S: { } s } => Utf8(s),
        { N: { } n } => Number(n),
        { B: { } b } => (int)b.Length,
        { BOOL: not null } or { NULL: not null } => 1,
        { IsLSet: true } => 3 + value.L.Sum(e => Value(e) + 1),
        { IsMSet: true } => 3 + value.M.Sum(e => Utf8(e.Key) + Value(e.Value) + 1),
        { IsSSSet: true } => value.SS.Sum(Utf8),
        { IsNSSet: true } => value.NS.Sum(Number),
        { IsBSSet: true } => value.BS.Sum(b => (int)b.Length),
        _ => 0,
    };

    private static int Number(string number)
    {
        var digits = number.TrimStart('-').Split('e', 'E')[0].Replace(".", "", StringComparison.Ordinal).Trim('0');
        return (Math.Max(1, digits.Length) + 1) / 2 + 1;
    }

    private static int Utf8(string text) => Encoding.UTF8.GetByteCount(text);
}
