namespace BoxOffice.Hosting.Metrics;

/// <summary>
/// The dimensions of a series besides <c>Environment</c>, which every series has, and the dimension sets it is filed
/// under: each set names some of them, and <c>Environment</c> is added to each. Values must come from small fixed
/// sets (job types, reasons, function names): an id as a dimension would make a metric per order.
/// </summary>
public sealed class MetricDimensions : IEquatable<MetricDimensions>
{
    private readonly string _key;

    private MetricDimensions(KeyValuePair<string, string>[] values, string[][] sets)
    {
        Values = values;
        Sets = sets;
        _key = string.Join('\u001f', values.Select(v => v.Key + "=" + v.Value)) + "\u001e" + string.Join('\u001f', sets.Select(s => string.Join(',', s)));
    }

    /// <summary>Only <c>Environment</c>.</summary>
    public static MetricDimensions None { get; } = new([], [[]]);

    public IReadOnlyList<KeyValuePair<string, string>> Values { get; }

    public IReadOnlyList<IReadOnlyList<string>> Sets { get; }

    /// <summary>One dimension; with <paramref name="alsoWithout"/> the series is also filed under <c>Environment</c> alone (a total).</summary>
    public static MetricDimensions Of(string name, string value, bool alsoWithout) =>
        new([new(name, Valid(value))], alsoWithout ? [[name], []] : [[name]]);

    /// <summary>Two dimensions, filed under both and under the first alone.</summary>
    public static MetricDimensions Of(string name, string value, string secondName, string secondValue) =>
        new([new(name, Valid(value)), new(secondName, Valid(secondValue))], [[name, secondName], [name]]);

    /// <summary>CloudWatch drops a metric whose dimension value is blank or longer than 1024 characters.</summary>
    private static string Valid(string value) =>
        string.IsNullOrWhiteSpace(value) ? "unknown" : value.Length > 1024 ? value[..1024] : value;

    public bool Equals(MetricDimensions? other) => other is not null && other._key == _key;

    public override bool Equals(object? obj) => Equals(obj as MetricDimensions);

    public override int GetHashCode() => _key.GetHashCode(StringComparison.Ordinal);
}
