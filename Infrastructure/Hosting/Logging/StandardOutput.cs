namespace BoxOffice.Hosting.Logging;

/// <summary>
/// The process's stdout as the log sink and the metrics share it: both write whole lines under <see cref="SyncRoot"/>,
/// so a log line and an EMF line never interleave (CloudWatch reads EMF only from a line that is one JSON object).
/// </summary>
public static class StandardOutput
{
    public static readonly object SyncRoot = new();

    public static void WriteLine(string line)
    {
        var whole = string.Concat(line, "\n");
        lock (SyncRoot)
        {
            Console.Out.Write(whole);
            Console.Out.Flush();
        }
    }
}
