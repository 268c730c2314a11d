namespace BoxOffice.Core.Queue;

/// <summary>A job to send: its <see cref="Type"/> picks the handler, <see cref="Body"/> is the JSON of its contract.</summary>
public sealed record JobMessage(string Type, string Body, string? CorrelationId);
