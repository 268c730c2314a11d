using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;

namespace BoxOffice.Adapters.Aws.Sqs;

/// <summary>
/// A small client of the SQS JSON protocol (POST, <c>X-Amz-Target: AmazonSQS.Action</c>, AWS JSON 1.0 bodies),
/// SigV4-signed with credentials from the given provider. Throttling, 5xx and network failures are retried with
/// exponential backoff and jitter; any other failure is an <see cref="SqsException"/> naming the action and the code.
/// </summary>
public sealed class SqsClient(HttpClient http, SqsClientSettings settings, AWSCredentials credentials)
{
    public const int MaxBatchSize = 10;
    public const int MaxWaitSeconds = 20;
    private const string ContentType = "application/x-amz-json-1.0";
    private static readonly string[] AllNames = ["All"];

    public SqsClientSettings Settings => settings;

    public async Task<string> CreateQueueAsync(string name, IReadOnlyDictionary<string, string>? attributes, CancellationToken ct)
    {
        var result = await CallAsync<SqsWire.CreateQueue, SqsWire.QueueUrlResult>(
            "CreateQueue", new(name, attributes?.ToDictionary()), ct);
        return result?.QueueUrl ?? throw new SqsException("CreateQueue", "MalformedResponse", "no QueueUrl in the answer", null);
    }

    public async Task<string> SendAsync(string queueUrl, SqsOutgoingMessage message, CancellationToken ct)
    {
        var request = new SqsWire.SendMessage(queueUrl, message.Body, ToWire(message.Attributes), message.DelaySeconds > 0 ? message.DelaySeconds : null);
        var result = await CallAsync<SqsWire.SendMessage, SqsWire.SendMessageResult>("SendMessage", request, ct);
        return result?.MessageId ?? "";
    }

    /// <summary>Sends in batches of ten; the result's indexes refer to <paramref name="messages"/>.</summary>
    public async Task<SqsBatchResult> SendBatchAsync(string queueUrl, IReadOnlyList<SqsOutgoingMessage> messages, CancellationToken ct)
    {
        var failed = new List<SqsBatchFailure>();
        for (var offset = 0; offset < messages.Count; offset += MaxBatchSize)
        {
            var entries = messages.Skip(offset).Take(MaxBatchSize)
                .Select((m, i) => new SqsWire.SendEntry((offset + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    m.Body, ToWire(m.Attributes), m.DelaySeconds > 0 ? m.DelaySeconds : null))
                .ToList();
            var result = await CallAsync<SqsWire.SendMessageBatch, SqsWire.BatchResult>("SendMessageBatch", new(queueUrl, entries), ct);
            failed.AddRange(ToFailures(result));
        }
        return new SqsBatchResult(messages.Count, failed);
    }

    /// <summary>
    /// Up to <paramref name="max"/> messages (1..10), long-polling up to <paramref name="waitSeconds"/> (0..20);
    /// <paramref name="visibilityTimeoutSeconds"/> overrides the queue's for these messages (0 peeks).
    /// </summary>
    public async Task<IReadOnlyList<SqsMessage>> ReceiveAsync(string queueUrl, int max, int waitSeconds, int? visibilityTimeoutSeconds, CancellationToken ct)
    {
        var wait = Math.Clamp(waitSeconds, 0, MaxWaitSeconds);
        var request = new SqsWire.ReceiveMessage(queueUrl, Math.Clamp(max, 1, MaxBatchSize), wait, visibilityTimeoutSeconds, AllNames, AllNames);
        var result = await CallAsync<SqsWire.ReceiveMessage, SqsWire.ReceiveMessageResult>(
            "ReceiveMessage", request, ct, extraTimeout: TimeSpan.FromSeconds(wait));
        return result?.Messages?.Select(m => new SqsMessage(
                m.MessageId,
                m.ReceiptHandle,
                m.Body ?? "",
                m.MessageAttributes?.Where(a => a.Value.StringValue is not null).ToDictionary(a => a.Key, a => a.Value.StringValue!) ?? [],
                m.Attributes ?? []))
            .ToList() ?? [];
    }

    public Task DeleteAsync(string queueUrl, string receiptHandle, CancellationToken ct) =>
        CallAsync<SqsWire.DeleteMessage, JsonElement>("DeleteMessage", new(queueUrl, receiptHandle), ct);

    /// <summary>Deletes in batches of ten; the result's indexes refer to <paramref name="receiptHandles"/>.</summary>
    public async Task<SqsBatchResult> DeleteBatchAsync(string queueUrl, IReadOnlyList<string> receiptHandles, CancellationToken ct)
    {
        var failed = new List<SqsBatchFailure>();
        for (var offset = 0; offset < receiptHandles.Count; offset += MaxBatchSize)
        {
            var entries = receiptHandles.Skip(offset).Take(MaxBatchSize)
                .Select((h, i) => new SqsWire.DeleteEntry((offset + i).ToString(System.Globalization.CultureInfo.InvariantCulture), h))
                .ToList();
            var result = await CallAsync<SqsWire.DeleteMessageBatch, SqsWire.BatchResult>("DeleteMessageBatch", new(queueUrl, entries), ct);
            failed.AddRange(ToFailures(result));
        }
        return new SqsBatchResult(receiptHandles.Count, failed);
    }

    public Task ChangeVisibilityAsync(string queueUrl, string receiptHandle, int visibilityTimeoutSeconds, CancellationToken ct) =>
        CallAsync<SqsWire.ChangeMessageVisibility, JsonElement>("ChangeMessageVisibility", new(queueUrl, receiptHandle, visibilityTimeoutSeconds), ct);

    public async Task<IReadOnlyDictionary<string, string>> GetAttributesAsync(string queueUrl, IReadOnlyList<string> names, CancellationToken ct)
    {
        var result = await CallAsync<SqsWire.GetQueueAttributes, SqsWire.QueueAttributesResult>("GetQueueAttributes", new(queueUrl, names), ct);
        return result?.Attributes ?? [];
    }

    private async Task<TResponse?> CallAsync<TRequest, TResponse>(string action, TRequest request, CancellationToken ct, TimeSpan extraTimeout = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, SqsWire.Json);
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= settings.MaxAttempts;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.RequestTimeout + extraTimeout);
            try
            {
                using var message = await BuildAsync(action, body);
                using var response = await http.SendAsync(message, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.IsSuccessStatusCode)
                    return string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize<TResponse>(text, SqsWire.Json);

                var (code, detail) = ReadError(response, text);
                if (last || !SqsRetryPolicy.IsRetryable(response.StatusCode, code))
                    throw new SqsException(action, code, detail, response.StatusCode);
            }
            catch (HttpRequestException ex) when (!last)
            {
                _ = ex; // a connection failure: try again below
            }
            catch (HttpRequestException ex)
            {
                throw new SqsException(action, "NetworkError", ex.Message, null, ex);
            }
            catch (OperationCanceledException ex) when (!ct.IsCancellationRequested && last)
            {
                throw new SqsException(action, "RequestTimeout", $"no answer within {settings.RequestTimeout + extraTimeout}", null, ex);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // the attempt timed out: try again below
            }
            catch (JsonException ex)
            {
                throw new SqsException(action, "MalformedResponse", ex.Message, null, ex);
            }
            await Task.Delay(SqsRetryPolicy.Backoff(attempt, settings.BaseDelay, settings.MaxDelay), ct);
        }
    }

    private async Task<HttpRequestMessage> BuildAsync(string action, byte[] body)
    {
        var creds = await credentials.GetCredentialsAsync();
        var uri = settings.Endpoint;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = SqsRequestSigner.HostOf(uri),
            ["Content-Type"] = ContentType,
            ["X-Amz-Target"] = "AmazonSQS." + action,
        };
        SqsRequestSigner.Sign(headers, "POST", uri, body, creds, settings.Region, "sqs", DateTime.UtcNow);

        var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        foreach (var (name, value) in headers)
        {
            if (name is "Host" or "Content-Type") continue;
            message.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    private static (string Code, string Message) ReadError(HttpResponseMessage response, string text)
    {
        string? code = null, detail = null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.TryGetProperty("__type", out var type)) code = type.GetString();
            if (root.TryGetProperty("message", out var m) || root.TryGetProperty("Message", out m)) detail = m.GetString();
        }
        catch (JsonException)
        {
            detail = text.Length > 200 ? text[..200] : text;
        }
        if (code is null && response.Headers.TryGetValues("x-amzn-ErrorType", out var types)) code = types.FirstOrDefault();
        code = code?.Split('#')[^1].Split(':')[0];
        return (string.IsNullOrEmpty(code) ? ((int)response.StatusCode >= 500 ? "ServiceError" : "BadRequest") : code,
                string.IsNullOrEmpty(detail) ? response.ReasonPhrase ?? "" : detail);
    }

    private static Dictionary<string, SqsWire.MessageAttribute>? ToWire(IReadOnlyDictionary<string, string> attributes) =>
        attributes.Count == 0 ? null : attributes.ToDictionary(a => a.Key, a => new SqsWire.MessageAttribute("String", a.Value));

    private static IEnumerable<SqsBatchFailure> ToFailures(SqsWire.BatchResult? result) =>
        result?.Failed?.Select(f => new SqsBatchFailure(
            int.Parse(f.Id, System.Globalization.CultureInfo.InvariantCulture), f.Code ?? "Unknown", f.Message ?? "", f.SenderFault)) ?? [];
}
