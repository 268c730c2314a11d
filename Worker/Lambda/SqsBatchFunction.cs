using System.Text.Json;
using BoxOffice.Core.Jobs;
using BoxOffice.Hosting.Lambda.Events;
using BoxOffice.Hosting.Lambda.Runtime;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Worker.Lambda;

/// <summary>
/// The Worker in Lambda: runs each SQS record's jobs and answers with a partial batch response naming exactly the
/// records that failed, so a poison message is retried (then dead-lettered) alone and never drags its batch-mates.
/// </summary>
public sealed class SqsBatchFunction(JobDispatcher dispatcher, ILogger<SqsBatchFunction> logger) : ILambdaHandler
{
    /// <summary>Records not started this close to the deadline are handed back to the queue rather than cut off.</summary>
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromSeconds(2);

    public async ValueTask<ReadOnlyMemory<byte>> HandleAsync(LambdaInvocation invocation, CancellationToken ct)
    {
        var batch = JsonSerializer.Deserialize(invocation.Event.Span, LambdaEventJsonContext.Default.SqsEvent);
        if (batch?.Records is not { } records)
            throw new InvalidDataException("The event is not an SQS batch: it has no Records.");

        var response = new SqsBatchResponse();
        foreach (var record in records)
        {
            var messageId = record.MessageId
                ?? throw new InvalidDataException("An SQS record has no messageId, so it cannot be reported alone.");
            var handled = invocation.Context.RemainingTime > DeadlineMargin && await HandleRecordAsync(record, messageId, ct);
            if (!handled) response.BatchItemFailures.Add(new SqsBatchItemFailure { ItemIdentifier = messageId });
        }
        if (response.BatchItemFailures.Count > 0)
            logger.LogWarning("{Failed} of {Count} messages failed and go back to the queue", response.BatchItemFailures.Count, records.Count);
        return JsonSerializer.SerializeToUtf8Bytes(response, LambdaEventJsonContext.Default.SqsBatchResponse);
    }

    private async Task<bool> HandleRecordAsync(SqsEventRecord record, string messageId, CancellationToken ct)
    {
        if (!SqsJobReader.TryRead(record, out var jobs))
        {
            logger.LogError("Message {MessageId} is neither a job (no '{Attribute}' attribute) nor an S3 notification", messageId, SqsJobReader.TypeAttribute);
            return false;
        }
        var handled = true;
        foreach (var job in jobs)
        {
            if (!await dispatcher.DispatchAsync(job, ct)) handled = false;
        }
        return handled;
    }
}
