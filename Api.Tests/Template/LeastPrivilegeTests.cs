using System.Text.Json.Nodes;

namespace BoxOffice.Api.Tests.Template;

[Trait("Category", TestCategory.Template)]
public class LeastPrivilegeTests
{
    [Theory]
    [InlineData("ApiFunction")]
    [InlineData("WorkerFunction")]
    public void Each_function_may_touch_only_what_it_uses(string functionId) =>
        Assert.Empty(LeastPrivilegeRule.Check(ServerlessTemplate.Load(), functionId));

    [Fact]
    public void Only_the_worker_consumes_the_job_queue_and_only_the_api_reads_dead_letters()
    {
        var template = ServerlessTemplate.Load();

        Assert.DoesNotContain("sqs:ReceiveMessage", ActionsOn(template, "ApiRole", "JobQueue"));
        Assert.Contains("sqs:ReceiveMessage", ActionsOn(template, "WorkerRole", "JobQueue"));
        Assert.Contains("sqs:ReceiveMessage", ActionsOn(template, "ApiRole", "DeadLetterQueue"));
        Assert.Empty(ActionsOn(template, "WorkerRole", "DeadLetterQueue"));
    }

    [Fact]
    public void Access_to_a_resource_the_function_does_not_use_is_reported()
    {
        var template = ServerlessTemplate.Load();
        AddStatement(template, "WorkerRole", "sqs:ReceiveMessage", new JsonObject { ["Fn::GetAtt"] = new JsonArray("DeadLetterQueue", "Arn") });

        var problem = Assert.Single(LeastPrivilegeRule.Check(template, "WorkerFunction"));
        Assert.Contains("DeadLetterQueue, which the function does not use", problem);
    }

    [Fact]
    public void Wildcard_actions_and_resources_are_reported()
    {
        var template = ServerlessTemplate.Load();
        AddStatement(template, "ApiRole", "dynamodb:*", JsonValue.Create("*"));

        var problems = LeastPrivilegeRule.Check(template, "ApiFunction");
        Assert.Contains(problems, p => p.Contains("wildcard action dynamodb:*"));
        Assert.Contains(problems, p => p.Contains("is not one of the stack's resources"));
    }

    [Fact]
    public void Xray_uploads_are_granted_on_star_alone_and_nothing_else_rides_along()
    {
        var template = ServerlessTemplate.Load();
        AddStatement(template, "ApiRole", "xray:PutTraceSegments", new JsonObject { ["Fn::GetAtt"] = new JsonArray("Table", "Arn") });
        AddStatement(template, "WorkerRole", "dynamodb:GetItem", JsonValue.Create("*"));

        Assert.Contains("take no resource but *", Assert.Single(LeastPrivilegeRule.Check(template, "ApiFunction")));
        Assert.Contains("is not one of the stack's resources", Assert.Single(LeastPrivilegeRule.Check(template, "WorkerFunction")));
    }

    [Fact]
    public void An_action_granted_on_the_wrong_kind_of_resource_is_reported()
    {
        var template = ServerlessTemplate.Load();
        AddStatement(template, "ApiRole", "s3:GetObject", new JsonObject { ["Fn::GetAtt"] = new JsonArray("Table", "Arn") });

        var problem = Assert.Single(LeastPrivilegeRule.Check(template, "ApiFunction"));
        Assert.Contains("s3:GetObject granted on something other than an AWS::S3::Bucket", problem);
    }

    [Fact]
    public void Sam_policy_templates_and_shared_roles_are_reported()
    {
        var template = ServerlessTemplate.Load();
        template.Properties("WorkerFunction")["Role"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray("ApiRole", "Arn") };
        template.Properties("ApiFunction")["Policies"] = new JsonArray("AWSLambdaBasicExecutionRole");

        var problems = LeastPrivilegeRule.Check(template, "ApiFunction");
        Assert.Contains(problems, p => p.Contains("shares its role with WorkerFunction"));
        Assert.Contains(problems, p => p.Contains("uses SAM Policies"));
    }

    private static void AddStatement(ServerlessTemplate template, string roleId, string action, JsonNode resource)
    {
        var statements = template.Properties(roleId)["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        statements.Add(new JsonObject { ["Sid"] = "Added", ["Effect"] = "Allow", ["Action"] = action, ["Resource"] = resource });
    }

    private static List<string> ActionsOn(ServerlessTemplate template, string roleId, string resourceId) =>
        template.Properties(roleId)["Policies"]!.AsArray()
            .SelectMany(p => p!["PolicyDocument"]!["Statement"]!.AsArray())
            .Where(s => template.ResourcesReferencedBy(s!["Resource"]).Contains(resourceId))
            .SelectMany(s => s!["Action"] is JsonArray a ? a.Select(x => x!.GetValue<string>()) : [s["Action"]!.GetValue<string>()])
            .ToList();
}
