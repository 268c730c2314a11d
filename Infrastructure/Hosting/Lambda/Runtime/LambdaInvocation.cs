namespace BoxOffice.Hosting.Lambda.Runtime;

/// <summary>An event to handle: its context and the raw JSON the Runtime API delivered.</summary>
public sealed record LambdaInvocation(LambdaContext Context, ReadOnlyMemory<byte> Event);
