namespace BoxOffice.Core.Queue;

/// <summary>Section <c>BoxOffice:Queue</c>: delivery rules of the local queue and the polling worker.</summary>
public sealed class QueueOptions
{
    public const string Section = "BoxOffice:Queue";

    /// <summary>How long a received job stays invisible before it is delivered again.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Receives after which a job goes to the dead letters instead of being delivered again.</summary>
    public int MaxReceives { get; set; } = 5;

    /// <summary>Local shape: the Api processes jobs in-process. Turn off to run <c>dotnet run --project Worker</c> instead.</summary>
    public bool ProcessInApi { get; set; } = true;

    /// <summary>Long-poll wait of one receive.</summary>
    public TimeSpan PollWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Jobs taken per receive (1..10, as SQS).</summary>
    public int BatchSize { get; set; } = 10;
}
