namespace BoxOffice.Bench;

/// <summary>
/// Names partitions by kind rather than by id (<c>SHOW#{show}</c>, <c>USER#{user}</c>, ...), so the loads of all the
/// orders on one kind of partition can be added up, and tells which kinds are shared by every show.
/// </summary>
internal sealed class PartitionLabels
{
    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);

    public string Show(string showId) => Remember(showId, "{show}");

    public string User(string userId) => Remember(userId, "{user}");

    public string Order(string orderId) => Remember(orderId, "{order}");

    public string Key(string key) => Remember(key, "{key}");

    public string Label(string partition) =>
        string.Join('#', partition.Split('#').Select(part => _placeholders.GetValueOrDefault(part, part)));

    /// <summary>How many of a show's orders meet on one partition of this kind.</summary>
    public static PartitionKind KindOf(string label) =>
        label.Contains("{order}", StringComparison.Ordinal) || label.Contains("{key}", StringComparison.Ordinal) ? PartitionKind.PerOrder
        : label.Contains("{show}", StringComparison.Ordinal) ? PartitionKind.PerShow
        : label.Contains("{user}", StringComparison.Ordinal) ? PartitionKind.PerBuyer
        : PartitionKind.Shared;

    private string Remember(string id, string placeholder)
    {
        _placeholders[id] = placeholder;
        return id;
    }
}

/// <summary>Which orders share a partition: each its own, one show's, one buyer's, or every order of every show.</summary>
internal enum PartitionKind
{
    PerOrder,
    PerBuyer,
    PerShow,
    Shared,
}
