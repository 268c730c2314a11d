using System.Buffers;
using System.Text;
using System.Text.Json;

namespace BoxOffice.Hosting.Metrics;

/// <summary>
/// Writes metric groups as CloudWatch Embedded Metric Format objects, each on a line of its own: the <c>_aws</c>
/// metadata (timestamp, namespace, dimension sets, metric names and units), then the dimension values, metric values
/// and properties as top-level members. An object holds at most 100 metrics and a metric at most 100 values (the
/// format's limits); more go into further objects.
/// </summary>
public sealed class EmfFormatter
{
    public const int MaxMetricsPerObject = 100;
    public const int MaxValuesPerMetric = 100;

    private readonly ArrayBufferWriter<byte> _buffer = new(2048);

    public IEnumerable<string> Lines(
        IReadOnlyList<MetricGroup> groups, string ns, string environment, DateTimeOffset timestamp, IReadOnlyList<KeyValuePair<string, string>> properties)
    {
        foreach (var group in groups)
        {
            for (var round = 0; ; round++)
            {
                var from = round * MaxValuesPerMetric;
                var pending = group.Metrics.Where(m => m.Values.Count > from).ToList();
                if (pending.Count == 0) break;
                foreach (var chunk in pending.Chunk(MaxMetricsPerObject))
                    yield return Line(group.Dimensions, chunk, from, ns, environment, timestamp, properties);
            }
        }
    }

    private string Line(
        MetricDimensions dimensions, MetricSeries[] metrics, int from, string ns, string environment, DateTimeOffset timestamp,
        IReadOnlyList<KeyValuePair<string, string>> properties)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", ns);
            json.WriteStartArray("Dimensions");
            foreach (var set in dimensions.Sets)
            {
                json.WriteStartArray();
                json.WriteStringValue(MetricNames.Environment);
                foreach (var name in set) json.WriteStringValue(name);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var metric in metrics)
            {
                json.WriteStartObject();
                json.WriteString("Name", metric.Name);
                json.WriteString("Unit", metric.Unit);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();

            var taken = new HashSet<string>(StringComparer.Ordinal) { "_aws", MetricNames.Environment };
            json.WriteString(MetricNames.Environment, environment);
            foreach (var (name, value) in dimensions.Values)
            {
                taken.Add(name);
                json.WriteString(name, value);
            }
            foreach (var metric in metrics)
            {
                taken.Add(metric.Name);
                WriteValues(json, metric, from);
            }
            foreach (var (name, value) in properties)
                if (taken.Add(name)) json.WriteString(name, value);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private static void WriteValues(Utf8JsonWriter json, MetricSeries metric, int from)
    {
        var count = Math.Min(MaxValuesPerMetric, metric.Values.Count - from);
        if (count == 1)
        {
            json.WriteNumber(metric.Name, Math.Round(metric.Values[from], 3));
            return;
        }
        json.WriteStartArray(metric.Name);
        for (var i = from; i < from + count; i++) json.WriteNumberValue(Math.Round(metric.Values[i], 3));
        json.WriteEndArray();
    }
}
