namespace BoxOffice.Core.Telemetry;

/// <summary>How jobs fare, by job type.</summary>
public interface IJobMetrics
{
    /// <summary>A job handled in <paramref name="duration"/>, <paramref name="age"/> after it was queued (when known).</summary>
    void JobHandled(string jobType, TimeSpan duration, TimeSpan? age);

    /// <summary>A job failed; <paramref name="deadLettered"/> when that was its last receive and it goes to the dead letters.</summary>
    void JobFailed(string jobType, TimeSpan? age, bool deadLettered);
}
