namespace BoxOffice.Hosting.Metrics;

/// <summary>Where EMF lines go: stdout in every shape (a test replaces it to read them).</summary>
public interface IMetricsOutput
{
    /// <summary>Writes <paramref name="line"/> (one JSON object, no line break) as a whole line.</summary>
    void WriteLine(string line);
}
