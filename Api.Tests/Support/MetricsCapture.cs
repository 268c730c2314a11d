using System.Collections.Concurrent;
using System.Text.Json;
using BoxOffice.Hosting.Metrics;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Tests.Support;

/// <summary>Keeps the EMF lines an app writes (registered as its <see cref="IMetricsOutput"/>), parsed on demand.</summary>
public sealed class MetricsCapture : IMetricsOutput
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void WriteLine(string line) => Lines.Enqueue(line);

    public IReadOnlyList<JsonElement> Objects() => [.. Lines.Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    /// <summary>The sum of <paramref name="metric"/> over every line (a value or an array of values), optionally where a dimension has a value.</summary>
    public double Sum(string metric, string? dimension = null, string? value = null) =>
        Objects().Where(o => o.TryGetProperty(metric, out _) && (dimension is null || (o.TryGetProperty(dimension, out var d) && d.GetString() == value)))
            .Sum(o => o.GetProperty(metric) is { ValueKind: JsonValueKind.Array } values ? values.EnumerateArray().Sum(v => v.GetDouble()) : o.GetProperty(metric).GetDouble());

    /// <summary>An <see cref="EmfMetrics"/> writing here, for code built without a host.</summary>
    public EmfMetrics Metrics(MetricsOptions? options = null, TimeProvider? clock = null) =>
        new(Options.Create(options ?? new MetricsOptions()), this, clock ?? TimeProvider.System, new HostingEnvironment { ApplicationName = "tests" });
}
