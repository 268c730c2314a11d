using System.Text.Json.Nodes;

namespace BoxOffice.Api.Tests.Template;

[Trait("Category", TestCategory.Template)]
public class WorkerQueueTests
{
    [Fact]
    public void The_worker_is_fed_by_the_job_queue_with_partial_batch_failures_and_a_safe_visibility_timeout()
    {
        var template = ServerlessTemplate.Load();

        Assert.Empty(WorkerQueueRule.Check(template, "WorkerFunction"));
        var source = Assert.Single(WorkerQueueRule.QueueSources(template, "WorkerFunction"));
        Assert.Equal("JobQueue", ServerlessTemplate.Target(source.Queue));
    }

    [Fact]
    public void Batch_size_batching_window_and_concurrency_are_parameters()
    {
        var source = WorkerQueueRule.QueueSources(ServerlessTemplate.Load(), "WorkerFunction").Single().Properties;

        Assert.Equal("WorkerBatchSize", source["BatchSize"]!["Ref"]!.GetValue<string>());
        Assert.Equal("WorkerBatchingWindowSeconds", source["MaximumBatchingWindowInSeconds"]!["Ref"]!.GetValue<string>());
        Assert.Equal("WorkerMaxConcurrency", source["ScalingConfig"]!["MaximumConcurrency"]!["Ref"]!.GetValue<string>());
    }

    [Fact]
    public void A_mapping_without_partial_batch_failures_is_reported()
    {
        var template = ServerlessTemplate.Load();
        Source(template).Remove("FunctionResponseTypes");

        var problem = Assert.Single(WorkerQueueRule.Check(template, "WorkerFunction"));
        Assert.Contains("ReportBatchItemFailures", problem);
    }

    [Fact]
    public void A_visibility_timeout_short_of_six_worker_timeouts_is_reported()
    {
        var template = ServerlessTemplate.Load();
        template.Root["Mappings"]!["WorkerTimeouts"]!["900"]!["QueueVisibilityTimeout"] = 5400;

        var problem = Assert.Single(WorkerQueueRule.Check(template, "WorkerFunction"));
        Assert.Contains("under 6 x 900 s + 20 s", problem);
    }

    [Fact]
    public void A_fixed_visibility_timeout_is_held_to_the_longest_allowed_worker_timeout()
    {
        var template = ServerlessTemplate.Load();
        template.Properties("JobQueue")["VisibilityTimeout"] = 1000;

        var problems = WorkerQueueRule.Check(template, "WorkerFunction");
        Assert.Equal(3, problems.Count); // 300, 600 and 900 s need more than 1000 s
    }

    [Fact]
    public void An_unbounded_worker_timeout_is_reported()
    {
        var template = ServerlessTemplate.Load();
        template.Parameter("WorkerTimeout")!.Remove("AllowedValues");

        var problem = Assert.Single(WorkerQueueRule.Check(template, "WorkerFunction"));
        Assert.Contains("unbounded", problem);
    }

    private static JsonObject Source(ServerlessTemplate template) =>
        template.Properties("WorkerFunction")["Events"]!["Jobs"]!["Properties"]!.AsObject();
}
