using System.Net;
using System.Text;
using System.Text.Json;

namespace BoxOffice.Api.Tests.Aws.Faults;

/// <summary>What an injected attempt gets instead of (or after) the service's answer.</summary>
public abstract class AwsFault
{
    public abstract Task<HttpResponseMessage> AnswerAsync(
        AwsService service, HttpRequestMessage request, Func<HttpRequestMessage, Task<HttpResponseMessage>> send, CancellationToken ct);

    /// <summary>An error answer with the service's error code, in the wire format of the service (JSON, or S3's XML).</summary>
    public static AwsFault Error(string code, HttpStatusCode status = HttpStatusCode.BadRequest) => new ErrorAnswer(code, status, null);

    /// <summary>DynamoDB's TransactionCanceledException with one cancellation reason per item (<c>None</c> for an item that was fine).</summary>
    public static AwsFault TransactionCanceled(params string[] reasons) =>
        new ErrorAnswer("TransactionCanceledException", HttpStatusCode.BadRequest, reasons);

    /// <summary>A 5xx answer: <c>InternalServerError</c> (500) or <c>ServiceUnavailable</c> (503) in the service's format.</summary>
    public static AwsFault ServerError(HttpStatusCode status) =>
        new ErrorAnswer(status == HttpStatusCode.ServiceUnavailable ? "ServiceUnavailable" : "InternalServerError", status, null);

    /// <summary>No answer at all: the attempt hangs until the client's own timeout gives up on it.</summary>
    public static AwsFault Hang { get; } = new HangAnswer();

    /// <summary>The request reaches the service and takes effect, then the client is told 500: the answer was lost on the way back.</summary>
    public static AwsFault LostAnswer { get; } = new LostAnswerFault();

    private sealed class ErrorAnswer(string code, HttpStatusCode status, string[]? reasons) : AwsFault
    {
        public override Task<HttpResponseMessage> AnswerAsync(
            AwsService service, HttpRequestMessage request, Func<HttpRequestMessage, Task<HttpResponseMessage>> send, CancellationToken ct) =>
            Task.FromResult(service == AwsService.S3 ? Xml(code, status) : Json(service, code, status, reasons));

        private static HttpResponseMessage Json(AwsService service, string code, HttpStatusCode status, string[]? reasons)
        {
            var prefix = service == AwsService.DynamoDb ? "com.amazonaws.dynamodb.v20120810#" : "com.amazonaws.sqs#";
            var body = new Dictionary<string, object> { ["__type"] = prefix + code, ["message"] = $"injected {code}" };
            if (reasons is not null)
            {
                body["Message"] = $"Transaction cancelled, please refer cancellation reasons for specific reasons [{string.Join(", ", reasons)}]";
                body["CancellationReasons"] = reasons.Select(r => r == "None" ? new Dictionary<string, string> { ["Code"] = r }
                    : new Dictionary<string, string> { ["Code"] = r, ["Message"] = $"injected {r}" }).ToArray();
            }
            var response = new HttpResponseMessage(status) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8) };
            response.Content.Headers.ContentType = new("application/x-amz-json-1.0");
            response.Headers.TryAddWithoutValidation("x-amzn-RequestId", Guid.NewGuid().ToString());
            return response;
        }

        private static HttpResponseMessage Xml(string code, HttpStatusCode status)
        {
            var body = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>injected {code}</Message><RequestId>injected</RequestId></Error>";
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };
            response.Content.Headers.ContentType = new("application/xml");
            return response;
        }
    }

    private sealed class HangAnswer : AwsFault
    {
        public override async Task<HttpResponseMessage> AnswerAsync(
            AwsService service, HttpRequestMessage request, Func<HttpRequestMessage, Task<HttpResponseMessage>> send, CancellationToken ct)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable: the delay only ends by cancellation");
        }
    }

    private sealed class LostAnswerFault : AwsFault
    {
        public override async Task<HttpResponseMessage> AnswerAsync(
            AwsService service, HttpRequestMessage request, Func<HttpRequestMessage, Task<HttpResponseMessage>> send, CancellationToken ct)
        {
            using (var real = await send(request)) Assert.True(real.IsSuccessStatusCode, $"the request itself failed: {(int)real.StatusCode}");
            return await ServerError(HttpStatusCode.InternalServerError).AnswerAsync(service, request, send, ct);
        }
    }
}
