namespace BoxOffice.Hosting.Metrics;

/// <summary>Section <c>BoxOffice:Metrics</c>: where the Embedded Metric Format lines file their metrics.</summary>
public sealed class MetricsOptions
{
    public const string Section = "BoxOffice:Metrics";

    /// <summary>The CloudWatch namespace of every metric.</summary>
    public string Namespace { get; set; } = "BoxOffice";

    /// <summary>The value of the <c>Environment</c> dimension every metric has (the stack name in AWS).</summary>
    public string Environment { get; set; } = "local";

    /// <summary>Outside Lambda, how often the metrics gathered so far are written (in Lambda: after each invocation).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);
}
