using System.Text;

namespace BoxOffice.Hosting.Logging;

/// <summary>
/// The process's stdout as the log sink and the metrics share it: both write whole lines under <see cref="SyncRoot"/>,
/// each text in one write to the stream, so a log line and an EMF line never interleave (CloudWatch reads EMF only from
/// a line that is one JSON object). <see cref="Console.Out"/> would cut a long line into writes of 256 bytes.
/// </summary>
public static class StandardOutput
{
    public static readonly object SyncRoot = new();
    private static readonly Lazy<Stream> Stream = new(Console.OpenStandardOutput);
    private static byte[] _bytes = new byte[4 * 1024];

    public static void WriteLine(string line) => Write(string.Concat(line, "\n"));

    /// <summary>Writes <paramref name="text"/> (whole lines, each ending in a line feed) in one write.</summary>
    public static void Write(ReadOnlySpan<char> text)
    {
        lock (SyncRoot)
        {
            var length = Encoding.UTF8.GetMaxByteCount(text.Length);
            var bytes = length <= _bytes.Length ? _bytes : length <= 1024 * 1024 ? (_bytes = new byte[length]) : new byte[length];
            var written = Encoding.UTF8.GetBytes(text, bytes);
            Stream.Value.Write(bytes, 0, written);
            Stream.Value.Flush();
        }
    }
}
