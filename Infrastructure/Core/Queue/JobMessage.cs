namespace BoxOffice.Core.Queue;

/// <summary>
/// A job to send: its <see cref="Type"/> picks the handler, <see cref="Body"/> is the JSON of its contract.
/// <see cref="TraceParent"/> is the W3C trace context of the work that sent it, so the job runs in the same trace.
/// </summary>
public sealed record JobMessage(string Type, string Body, string? CorrelationId, string? TraceParent = null);
