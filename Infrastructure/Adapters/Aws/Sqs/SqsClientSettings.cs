namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>Where and how <see cref="SqsClient"/> calls SQS.</summary>
public sealed record SqsClientSettings
{
    /// <summary>The service endpoint, e.g. <c>https://sqs.eu-west-1.amazonaws.com/</c>, or an emulator's address.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The region the requests are signed for.</summary>
    public required string Region { get; init; }

    /// <summary>Attempts per call, the first included, on throttling, 5xx and network failures.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Backoff before retry n is a random delay in [0, min(<see cref="MaxDelay"/>, BaseDelay * 2^n)].</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed for one HTTP exchange on top of a receive's long-poll wait.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public static Uri EndpointFor(string region) => new($"https://sqs.{region}.amazonaws.com/");
}
