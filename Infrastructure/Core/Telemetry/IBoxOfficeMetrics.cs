namespace BoxOffice.Core.Telemetry;

/// <summary>Business outcomes, counted where they are decided. No ids here: metrics carry no high-cardinality data.</summary>
public interface IBoxOfficeMetrics
{
    void OrderPlaced(int seats);

    /// <summary>An order not placed; <paramref name="reason"/> is one of a small fixed set (an outcome's name).</summary>
    void OrderRefused(string reason);

    /// <summary><paramref name="count"/> orders cancelled; <paramref name="cause"/> is one of <see cref="CancellationCause"/>.</summary>
    void OrdersCancelled(int count, string cause);

    void TicketsIssued(int count);

    void PosterPublished();

    void PosterRejected();

    void ReportProduced();
}
