using BoxOffice.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BoxOffice.Hosting.Metrics;

/// <summary>
/// The app's metrics as CloudWatch Embedded Metric Format lines on stdout, from which CloudWatch extracts them (no
/// API call). Recording only adds to a buffer; <see cref="Flush"/> writes what was gathered: after each invocation in
/// Lambda, periodically and on shutdown elsewhere (<see cref="MetricsFlushService"/>). The formatter is made on the
/// first flush that has something to write.
/// </summary>
public sealed class EmfMetrics(IOptions<MetricsOptions> options, IMetricsOutput output, TimeProvider clock, IHostEnvironment environment)
    : IBoxOfficeMetrics, IJobMetrics, IDependencyMetrics
{
    private readonly MetricsBuffer _buffer = new();
    private readonly Lock _flushing = new();
    private EmfFormatter? _formatter;

    public void OrderPlaced(int seats)
    {
        _buffer.Count(MetricNames.OrdersPlaced, MetricDimensions.None, 1);
        _buffer.Count(MetricNames.SeatsSold, MetricDimensions.None, seats);
    }

    public void OrderRefused(string reason) =>
        _buffer.Count(MetricNames.OrdersRefused, MetricDimensions.Of(MetricNames.Reason, reason, alsoWithout: true), 1);

    public void OrdersCancelled(int count, string cause)
    {
        if (count > 0) _buffer.Count(MetricNames.OrdersCancelled, MetricDimensions.Of(MetricNames.Reason, cause, alsoWithout: true), count);
    }

    public void TicketsIssued(int count) => _buffer.Count(MetricNames.TicketsIssued, MetricDimensions.None, count);

    public void PosterPublished() => _buffer.Count(MetricNames.PostersPublished, MetricDimensions.None, 1);

    public void PosterRejected() => _buffer.Count(MetricNames.PostersRejected, MetricDimensions.None, 1);

    public void ReportProduced() => _buffer.Count(MetricNames.ReportsProduced, MetricDimensions.None, 1);

    public void JobHandled(string jobType, TimeSpan duration, TimeSpan? age)
    {
        var dimensions = MetricDimensions.Of(MetricNames.JobType, jobType, alsoWithout: true);
        _buffer.Observe(MetricNames.JobDuration, MetricUnit.Milliseconds, dimensions, duration.TotalMilliseconds);
        if (age is { } waited) _buffer.Observe(MetricNames.JobAge, MetricUnit.Milliseconds, dimensions, waited.TotalMilliseconds);
    }

    public void JobFailed(string jobType, TimeSpan? age, bool deadLettered)
    {
        var dimensions = MetricDimensions.Of(MetricNames.JobType, jobType, alsoWithout: true);
        _buffer.Count(MetricNames.JobsFailed, dimensions, 1);
        if (deadLettered) _buffer.Count(MetricNames.JobsDeadLettered, dimensions, 1);
        if (age is { } waited) _buffer.Observe(MetricNames.JobAge, MetricUnit.Milliseconds, dimensions, waited.TotalMilliseconds);
    }

    public void CallFailed(string dependency, string kind) =>
        _buffer.Count(MetricNames.DependencyErrors, MetricDimensions.Of(MetricNames.Dependency, dependency, MetricNames.Kind, kind), 1);

    public void CallRetried(string dependency, int retries) =>
        _buffer.Count(MetricNames.DependencyRetries, MetricDimensions.Of(MetricNames.Dependency, dependency, alsoWithout: false), retries);

    /// <summary>The first invocation of a Lambda execution environment.</summary>
    public void ColdStart(string function) =>
        _buffer.Count(MetricNames.ColdStart, MetricDimensions.Of(MetricNames.Function, function, alsoWithout: false), 1);

    /// <summary>
    /// Writes what was gathered since the last flush, with <paramref name="properties"/> (such as the invocation's
    /// request id) on each line besides the service name; returns how many lines were written.
    /// </summary>
    public int Flush(IReadOnlyList<KeyValuePair<string, string>>? properties = null)
    {
        if (_buffer.IsEmpty) return 0;
        lock (_flushing)
        {
            var groups = _buffer.Drain();
            if (groups.Count == 0) return 0;
            var settings = options.Value;
            _formatter ??= new EmfFormatter();
            KeyValuePair<string, string>[] extra = [new("Service", environment.ApplicationName), .. properties ?? []];
            var written = 0;
            foreach (var line in _formatter.Lines(groups, settings.Namespace, settings.Environment, clock.GetUtcNow(), extra))
            {
                output.WriteLine(line);
                written++;
            }
            return written;
        }
    }
}
