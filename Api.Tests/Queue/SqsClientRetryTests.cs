using System.Net;
using System.Text;
using Amazon.Runtime;
using BoxOffice.Adapters.Aws.Sqs;

namespace BoxOffice.Api.Tests.Queue;

/// <summary>The client's answer to failures, against canned HTTP answers (no network).</summary>
public sealed class SqsClientRetryTests
{
    private const string QueueUrl = "http://127.0.0.1:1/123456789012/jobs";
    private static readonly SqsOutgoingMessage Message = new("{}", new Dictionary<string, string> { ["type"] = "t" });

    [Fact]
    public async Task Throttling_and_5xx_are_retried_until_success()
    {
        var handler = new CannedHandler(
            Error(HttpStatusCode.BadRequest, "com.amazonaws.sqs#ThrottlingException", "Rate exceeded"),
            Error(HttpStatusCode.ServiceUnavailable, "com.amazonaws.sqs#ServiceUnavailable", "try later"),
            Error(HttpStatusCode.InternalServerError, "com.amazonaws.sqs#InternalError", "oops"),
            Json(HttpStatusCode.OK, "{\"MessageId\":\"m-1\"}"));

        var id = await Client(handler, maxAttempts: 4).SendAsync(QueueUrl, Message, CancellationToken.None);

        Assert.Equal("m-1", id);
        Assert.Equal(4, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("AmazonSQS.SendMessage", r.Target));
        Assert.All(handler.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=key/", r.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gives_up_after_the_last_attempt_with_the_last_error()
    {
        var handler = new CannedHandler(Enumerable.Repeat(Error(HttpStatusCode.ServiceUnavailable, "com.amazonaws.sqs#ServiceUnavailable", "down"), 3).ToArray());

        var error = await Assert.ThrowsAsync<SqsException>(() => Client(handler, maxAttempts: 3).SendAsync(QueueUrl, Message, CancellationToken.None));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("ServiceUnavailable", error.ErrorCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_says_what_went_wrong()
    {
        var handler = new CannedHandler(Error(HttpStatusCode.BadRequest, "com.amazonaws.sqs#InvalidParameterValue", "Value x for parameter VisibilityTimeout is invalid."));

        var error = await Assert.ThrowsAsync<SqsException>(() =>
            Client(handler, maxAttempts: 4).ChangeVisibilityAsync(QueueUrl, "handle", -1, CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Equal("ChangeMessageVisibility", error.Action);
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("VisibilityTimeout is invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_failures_are_retried_then_reported()
    {
        var handler = new CannedHandler(Enumerable.Repeat<Func<HttpResponseMessage>>(() => throw new HttpRequestException("connection refused"), 2).ToArray());

        var error = await Assert.ThrowsAsync<SqsException>(() => Client(handler, maxAttempts: 2).SendAsync(QueueUrl, Message, CancellationToken.None));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("NetworkError", error.ErrorCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public void Backoff_grows_exponentially_under_its_cap_and_is_jittered()
    {
        var baseDelay = TimeSpan.FromMilliseconds(100);
        var cap = TimeSpan.FromMilliseconds(1000);
        for (var retry = 1; retry <= 8; retry++)
        {
            var ceiling = Math.Min(1000, 100 * Math.Pow(2, retry - 1));
            var delays = Enumerable.Range(0, 200).Select(_ => SqsRetryPolicy.Backoff(retry, baseDelay, cap).TotalMilliseconds).ToList();
            Assert.All(delays, d => Assert.InRange(d, 0, ceiling));
            Assert.True(delays.Distinct().Count() > 100, "the delays should be spread, not fixed");
        }
    }

    private static SqsClient Client(HttpMessageHandler handler, int maxAttempts) =>
        new(new HttpClient(handler), new SqsClientSettings
        {
            Endpoint = new Uri("http://127.0.0.1:1/"),
            Region = "us-east-1",
            MaxAttempts = maxAttempts,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(5),
        }, new BasicAWSCredentials("key", "secret"));

    private static Func<HttpResponseMessage> Error(HttpStatusCode status, string type, string message) =>
        Json(status, $"{{\"__type\":\"{type}\",\"message\":\"{message}\"}}");

    private static Func<HttpResponseMessage> Json(HttpStatusCode status, string body) =>
        () => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0") };

    private sealed class CannedHandler(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public List<(string Target, string Authorization)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.Headers.GetValues("X-Amz-Target").Single(), request.Headers.GetValues("Authorization").Single()));
            return Task.FromResult(answers[Requests.Count - 1]());
        }
    }
}
