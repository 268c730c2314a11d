namespace BoxOffice.Core.Queue;

/// <summary>Where jobs go after max receives: listed for admins and moved back to the queue on redrive.</summary>
public interface IDeadLetters
{
    Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken ct);

    /// <summary>Moves every dead letter back to the main queue with a fresh receive count; returns how many.</summary>
    Task<int> RedriveAsync(CancellationToken ct);
}
