using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using BoxOffice.Adapters.Aws.Telemetry;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Telemetry;
using BoxOffice.Hosting.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>Every AWS SDK call of the app's clients runs in a span and a failure is counted by dependency and kind.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class AwsCallTracingTests(MotoServer moto)
{
    [Fact]
    public async Task A_call_runs_in_a_client_span_and_a_failed_one_counts_as_a_dependency_error_of_its_kind()
    {
        var capture = new MetricsCapture();
        var metrics = capture.Metrics();
        using var provider = new ServiceCollection()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(moto.Options()))
            .AddSingleton(moto.Credentials)
            .AddSingleton<IDependencyMetrics>(metrics)
            .AddAwsClients()
            .BuildServiceProvider();
        var sqs = provider.GetRequiredService<IAmazonSQS>();
        var spans = new ConcurrentQueue<Activity>();
        using var parent = new Activity("test").Start();
        using var listener = Listen(parent.TraceId, spans);

        await sqs.CreateQueueAsync(MotoServer.UniqueName("traced"));
        await Assert.ThrowsAsync<QueueDoesNotExistException>(() => sqs.GetQueueUrlAsync(MotoServer.UniqueName("missing")));
        metrics.Flush();

        Assert.Contains(spans, s => s.DisplayName == "SQS.CreateQueue" && s.Kind == ActivityKind.Client && s.Status != ActivityStatusCode.Error);
        var failed = Assert.Single(spans, s => s.DisplayName == "SQS.GetQueueUrl");
        Assert.Equal((ActivityStatusCode.Error, "ClientError"), (failed.Status, failed.GetTagItem("error.type")));
        Assert.Equal(parent.SpanId, failed.ParentSpanId);
        var errors = Assert.Single(capture.Objects());
        Assert.Equal(("SQS", "ClientError", 1), (errors.GetProperty("Dependency").GetString(), errors.GetProperty("Kind").GetString(), errors.GetProperty("DependencyErrors").GetInt32()));
    }

    [Theory]
    [InlineData("ThrottlingException", HttpStatusCode.BadRequest, AwsCallFailure.Throttled)]
    [InlineData("ProvisionedThroughputExceededException", HttpStatusCode.BadRequest, AwsCallFailure.Throttled)]
    [InlineData("SlowDown", HttpStatusCode.ServiceUnavailable, AwsCallFailure.Throttled)]
    [InlineData("InternalError", HttpStatusCode.InternalServerError, AwsCallFailure.ServerError)]
    [InlineData("AccessDenied", HttpStatusCode.Forbidden, AwsCallFailure.ClientError)]
    [InlineData("ConditionalCheckFailedException", HttpStatusCode.BadRequest, null)]
    [InlineData("TransactionCanceledException", HttpStatusCode.BadRequest, null)]
    [InlineData("NoSuchKey", HttpStatusCode.NotFound, null)]
    public void Service_errors_are_classed_and_expected_answers_are_not_errors(string code, HttpStatusCode status, string? kind) =>
        Assert.Equal(kind, AwsCallFailure.KindOf(new AmazonServiceException("x", null, ErrorType.Sender, code, "req", status)));

    [Fact]
    public void Network_failures_are_their_own_kind_and_cancellation_is_none()
    {
        Assert.Equal(AwsCallFailure.Network, AwsCallFailure.KindOf(new HttpRequestException("connection refused")));
        Assert.Null(AwsCallFailure.KindOf(new OperationCanceledException()));
    }

    private static ActivityListener Listen(ActivityTraceId trace, ConcurrentQueue<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BoxOfficeActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace) spans.Enqueue(activity);
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
