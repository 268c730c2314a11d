namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>
/// When <c>RequestAborted</c> fires: 250 ms before Lambda's deadline, so the app has time to answer; with less than
/// 500 ms left, halfway to it, so it still fires before the deadline however little is left; at once when none is.
/// </summary>
internal static class DeadlineMargin
{
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait a timer takes; a deadline further away than this is not a real one anyway.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>How long after now to abort, given <paramref name="remaining"/> until the deadline.</summary>
    public static TimeSpan AbortAfter(TimeSpan remaining)
    {
        if (remaining <= TimeSpan.Zero) return TimeSpan.Zero;
        var margin = remaining / 2 < Margin ? remaining / 2 : Margin;
        var wait = remaining - margin;
        return wait < Longest ? wait : Longest;
    }
}
