using System.Collections.Concurrent;
using Amazon.Runtime;

namespace BoxOffice.Api.Tests.Aws.Faults;

/// <summary>
/// Faults for the AWS SDK's clients, registered in the app's container as their <see cref="HttpClientFactory"/>: the
/// app's own client registration picks it up, so its real retry mode, retry count and timeouts are what a test meets.
/// A rule answers the next <c>times</c> attempts of one operation (its <c>X-Amz-Target</c> for DynamoDB and SQS, a
/// name derived from the method and query for S3) with an error, a hang, or a real answer replaced by a 500. Every
/// attempt that passes is counted.
/// </summary>
public sealed class AwsFaults : HttpClientFactory
{
    private readonly Lock _gate = new();
    private readonly List<Rule> _rules = [];
    private readonly ConcurrentQueue<string> _attempts = new();

    /// <summary>Answers the next <paramref name="times"/> attempts of <paramref name="operation"/> with <paramref name="fault"/>.</summary>
    public AwsFaults Inject(string operation, AwsFault fault, int times = int.MaxValue)
    {
        lock (_gate) _rules.Add(new Rule(operation, fault, times));
        return this;
    }

    /// <summary>Drops every rule still active; attempts keep being counted.</summary>
    public void Heal()
    {
        lock (_gate) _rules.Clear();
    }

    /// <summary>How many attempts of <paramref name="operation"/> went out, faulted or not.</summary>
    public int Attempts(string operation) => _attempts.Count(a => a == operation);

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new Injector(this) { InnerHandler = new SocketsHttpHandler() }) { Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(100) };

    private AwsFault? Take(string operation)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r => r.Operation == operation && r.Left > 0);
            if (rule is null) return null;
            rule.Left--;
            return rule.Fault;
        }
    }

    private sealed class Rule(string operation, AwsFault fault, int times)
    {
        public string Operation { get; } = operation;
        public AwsFault Fault { get; } = fault;
        public int Left { get; set; } = times;
    }

    private sealed class Injector(AwsFaults faults) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (service, operation) = AwsOperation.Of(request);
            faults._attempts.Enqueue(operation);
            return faults.Take(operation) is { } fault
                ? await fault.AnswerAsync(service, request, r => base.SendAsync(r, cancellationToken), cancellationToken)
                : await base.SendAsync(request, cancellationToken);
        }
    }
}
