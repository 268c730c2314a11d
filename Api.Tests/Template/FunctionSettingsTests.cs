using System.Text.Json.Nodes;
using BoxOffice.Hosting.Composition;

namespace BoxOffice.Api.Tests.Template;

[Trait("Category", TestCategory.Template)]
public class FunctionSettingsTests
{
    [Fact]
    public void Api_function_sets_exactly_what_the_api_reads() =>
        Assert.Empty(FunctionSettingsRule.Check(ServerlessTemplate.Load(), "ApiFunction", AwsSettings.Api, AwsSettings.ApiOptional));

    [Fact]
    public void Worker_function_sets_exactly_what_the_worker_reads() =>
        Assert.Empty(FunctionSettingsRule.Check(ServerlessTemplate.Load(), "WorkerFunction", AwsSettings.Worker, AwsSettings.WorkerOptional));

    [Fact]
    public void The_worker_knows_the_job_queues_max_receive_count()
    {
        var template = ServerlessTemplate.Load();
        var variables = Variables(template, "WorkerFunction");
        Assert.Equal(template.Properties("JobQueue")["RedrivePolicy"]!["maxReceiveCount"]!.ToJsonString(), variables[AwsSettings.MaxReceives]!.ToJsonString());

        variables[AwsSettings.MaxReceives] = 3;

        var problem = Assert.Single(FunctionSettingsRule.Check(template, "WorkerFunction", AwsSettings.Worker, AwsSettings.WorkerOptional));
        Assert.Contains("maxReceiveCount", problem);
    }

    [Fact]
    public void A_missing_setting_is_reported()
    {
        var template = ServerlessTemplate.Load();
        Variables(template, "ApiFunction").Remove(AwsSettings.TableName);

        var problem = Assert.Single(FunctionSettingsRule.Check(template, "ApiFunction", AwsSettings.Api, AwsSettings.ApiOptional));
        Assert.Contains($"{AwsSettings.TableName} is not set", problem);
    }

    [Fact]
    public void A_setting_the_function_does_not_read_is_reported()
    {
        var template = ServerlessTemplate.Load();
        Variables(template, "WorkerFunction")[AwsSettings.UserPoolId] = new JsonObject { ["Ref"] = "UserPool" };

        var problem = Assert.Single(FunctionSettingsRule.Check(template, "WorkerFunction", AwsSettings.Worker, AwsSettings.WorkerOptional));
        Assert.Contains("does not read it", problem);
    }

    [Fact]
    public void A_metrics_environment_other_than_the_stack_name_and_max_receives_other_than_the_queues_are_reported()
    {
        var template = ServerlessTemplate.Load();
        Variables(template, "WorkerFunction")[AwsSettings.MetricsEnvironment] = "prod";
        Variables(template, "WorkerFunction")[AwsSettings.MaxReceives] = new JsonObject { ["Ref"] = "WorkerBatchSize" };

        var problems = FunctionSettingsRule.Check(template, "WorkerFunction", AwsSettings.Worker, AwsSettings.WorkerOptional);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("must be the stack name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("maxReceiveCount", StringComparison.Ordinal));
    }

    [Fact]
    public void A_setting_pointing_at_the_wrong_queue_is_reported()
    {
        var template = ServerlessTemplate.Load();
        Variables(template, "ApiFunction")[AwsSettings.QueueUrl] = new JsonObject { ["Ref"] = "DeadLetterQueue" };

        var problem = Assert.Single(FunctionSettingsRule.Check(template, "ApiFunction", AwsSettings.Api, AwsSettings.ApiOptional));
        Assert.Contains("must be the job queue", problem);
    }

    [Fact]
    public void A_cursor_key_from_a_visible_parameter_is_reported()
    {
        var template = ServerlessTemplate.Load();
        template.Parameter("CursorKey")!.Remove("NoEcho");

        var problem = Assert.Single(FunctionSettingsRule.Check(template, "ApiFunction", AwsSettings.Api, AwsSettings.ApiOptional));
        Assert.Contains("NoEcho", problem);
    }

    private static JsonObject Variables(ServerlessTemplate template, string functionId) =>
        template.Properties(functionId)["Environment"]!["Variables"]!.AsObject();
}
