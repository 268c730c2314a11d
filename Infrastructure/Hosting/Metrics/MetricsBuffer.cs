namespace BoxOffice.Hosting.Metrics;

/// <summary>One metric of a group as flushed: a summed count, or the values observed (durations).</summary>
public sealed record MetricSeries(string Name, string Unit, IReadOnlyList<double> Values);

/// <summary>The metrics gathered under one set of dimensions since the last flush.</summary>
public sealed record MetricGroup(MetricDimensions Dimensions, IReadOnlyList<MetricSeries> Metrics);

/// <summary>
/// Gathers metrics between flushes: counts are summed, observations kept as values. Thread-safe; a flush takes
/// everything gathered so far and starts afresh.
/// </summary>
public sealed class MetricsBuffer
{
    /// <summary>Observations kept per series between flushes; beyond it the oldest stay and new ones are dropped.</summary>
    public const int MaxValuesPerSeries = 10_000;

    private readonly Lock _lock = new();
    private Dictionary<MetricDimensions, Dictionary<string, Accumulator>> _groups = [];

    public bool IsEmpty
    {
        get
        {
            lock (_lock) return _groups.Count == 0;
        }
    }

    public void Count(string name, MetricDimensions dimensions, double value) => Add(name, MetricUnit.Count, dimensions, value, summed: true);

    public void Observe(string name, string unit, MetricDimensions dimensions, double value) => Add(name, unit, dimensions, value, summed: false);

    public IReadOnlyList<MetricGroup> Drain()
    {
        Dictionary<MetricDimensions, Dictionary<string, Accumulator>> taken;
        lock (_lock)
        {
            if (_groups.Count == 0) return [];
            taken = _groups;
            _groups = [];
        }
        return [.. taken.Select(g => new MetricGroup(g.Key, [.. g.Value.Select(m => m.Value.ToSeries(m.Key))]))];
    }

    private void Add(string name, string unit, MetricDimensions dimensions, double value, bool summed)
    {
        lock (_lock)
        {
            if (!_groups.TryGetValue(dimensions, out var metrics)) _groups[dimensions] = metrics = new(StringComparer.Ordinal);
            if (!metrics.TryGetValue(name, out var accumulator)) metrics[name] = accumulator = new Accumulator(unit, summed);
            accumulator.Add(value);
        }
    }

    private sealed class Accumulator(string unit, bool summed)
    {
        private readonly List<double> _values = [];
        private double _sum;

        public void Add(double value)
        {
            if (summed) _sum += value;
            else if (_values.Count < MaxValuesPerSeries) _values.Add(value);
        }

        public MetricSeries ToSeries(string name) => new(name, unit, summed ? [_sum] : _values);
    }
}
