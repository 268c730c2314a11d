using System.Collections.Concurrent;
using Amazon.Runtime;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>Records the operation (<c>X-Amz-Target</c>, without its service prefix) of every AWS call that passes.</summary>
public sealed class AwsCallLog
{
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> Calls => [.. _calls];

    public void Clear() => _calls.Clear();

    /// <summary>A handler for an <see cref="HttpClient"/> that logs here and then sends.</summary>
    public HttpMessageHandler Handler() => new Recorder(this) { InnerHandler = new HttpClientHandler() };

    /// <summary>For the AWS SDK's clients (<c>ClientConfig.HttpClientFactory</c>).</summary>
    public HttpClientFactory SdkFactory() => new SdkClients(this);

    private sealed class Recorder(AwsCallLog log) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("X-Amz-Target", out var targets)) log._calls.Enqueue(targets.First().Split('.')[^1]);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class SdkClients(AwsCallLog log) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(log.Handler());
    }
}
