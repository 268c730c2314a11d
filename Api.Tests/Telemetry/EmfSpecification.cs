using System.Text.Json;

namespace BoxOffice.Api.Tests.Telemetry;

/// <summary>
/// The CloudWatch Embedded Metric Format specification as checks on one parsed line: the <c>_aws</c> metadata with a
/// millisecond timestamp and metric directives (namespace, dimension sets of at most 30 names, at most 100 metric
/// definitions with a name and a unit of CloudWatch's list), and every dimension and metric it names present as a
/// top-level member: dimensions as strings, metrics as a number or an array of at most 100 numbers.
/// </summary>
public static class EmfSpecification
{
    public static readonly IReadOnlySet<string> Units = new HashSet<string>(StringComparer.Ordinal)
    {
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits",
        "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second",
        "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second",
        "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    };

    public const int MaxDimensionsPerSet = 30;
    public const int MaxMetricsPerDirective = 100;
    public const int MaxValuesPerMetric = 100;

    /// <summary>What is wrong with <paramref name="line"/>; empty when it is a valid EMF object.</summary>
    public static IReadOnlyList<string> Problems(string line)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException ex)
        {
            return [$"not JSON: {ex.Message}"];
        }
        if (line.Contains('\n', StringComparison.Ordinal)) return ["spans more than one line"];
        if (root.ValueKind != JsonValueKind.Object) return ["not a JSON object"];
        var problems = new List<string>();
        if (!root.TryGetProperty("_aws", out var aws) || aws.ValueKind != JsonValueKind.Object) return ["no _aws object"];
        if (!aws.TryGetProperty("Timestamp", out var timestamp) || timestamp.ValueKind != JsonValueKind.Number || !timestamp.TryGetInt64(out var ms) || ms <= 0)
            problems.Add("_aws.Timestamp is not a positive integer (epoch milliseconds)");
        if (!aws.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array || directives.GetArrayLength() == 0)
            return [.. problems, "_aws.CloudWatchMetrics is not a non-empty array"];

        foreach (var directive in directives.EnumerateArray())
        {
            if (!directive.TryGetProperty("Namespace", out var ns) || ns.ValueKind != JsonValueKind.String || ns.GetString() is not { Length: > 0 and <= 255 })
                problems.Add("a directive has no Namespace");
            problems.AddRange(DimensionProblems(root, directive));
            problems.AddRange(MetricProblems(root, directive));
        }
        return problems;
    }

    private static IEnumerable<string> DimensionProblems(JsonElement root, JsonElement directive)
    {
        if (!directive.TryGetProperty("Dimensions", out var sets) || sets.ValueKind != JsonValueKind.Array)
        {
            yield return "Dimensions is not an array of arrays";
            yield break;
        }
        foreach (var set in sets.EnumerateArray())
        {
            if (set.ValueKind != JsonValueKind.Array)
            {
                yield return "a dimension set is not an array";
                continue;
            }
            if (set.GetArrayLength() > MaxDimensionsPerSet) yield return $"a dimension set has {set.GetArrayLength()} dimensions (at most {MaxDimensionsPerSet})";
            foreach (var name in set.EnumerateArray())
            {
                var key = name.GetString() ?? "";
                if (!root.TryGetProperty(key, out var value)) yield return $"dimension {key} is not a top-level member";
                else if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString())) yield return $"dimension {key} is not a non-empty string";
            }
        }
    }

    private static IEnumerable<string> MetricProblems(JsonElement root, JsonElement directive)
    {
        if (!directive.TryGetProperty("Metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
        {
            yield return "Metrics is not an array";
            yield break;
        }
        if (metrics.GetArrayLength() > MaxMetricsPerDirective) yield return $"{metrics.GetArrayLength()} metrics in one directive (at most {MaxMetricsPerDirective})";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var metric in metrics.EnumerateArray())
        {
            var name = metric.TryGetProperty("Name", out var n) ? n.GetString() ?? "" : "";
            if (name.Length is 0 or > 1024) yield return "a metric has no Name";
            if (!seen.Add(name)) yield return $"metric {name} is defined twice";
            if (metric.TryGetProperty("Unit", out var unit) && !Units.Contains(unit.GetString() ?? ""))
                yield return $"metric {name} has unit {unit}, which CloudWatch does not know";
            if (!root.TryGetProperty(name, out var value))
            {
                yield return $"metric {name} is not a top-level member";
                continue;
            }
            var values = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : new[] { value };
            if (values.Length is 0 or > MaxValuesPerMetric) yield return $"metric {name} has {values.Length} values (1 to {MaxValuesPerMetric})";
            if (values.Any(v => v.ValueKind != JsonValueKind.Number)) yield return $"metric {name} has a value that is not a number";
        }
    }
}
