using BoxOffice.Hosting.Logging;

namespace BoxOffice.Hosting.Metrics;

/// <summary>EMF lines on stdout, each written whole under the lock the log sink writes under, so no line is torn.</summary>
public sealed class StandardOutputMetrics : IMetricsOutput
{
    public void WriteLine(string line) => StandardOutput.WriteLine(line);
}
