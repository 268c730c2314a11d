using System.Text.Json.Nodes;
using BoxOffice.Core.Files;
using BoxOffice.Core.Identity;

namespace BoxOffice.Api.Tests.Template;

/// <summary>The settings the issue asks of each resource, read from the template.</summary>
[Trait("Category", TestCategory.Template)]
public class StackResourcesTests
{
    private readonly ServerlessTemplate _template = ServerlessTemplate.Load();

    [Theory]
    [InlineData("ApiFunction", "artifacts/lambda/Api.zip", "ApiMemorySize", "ApiTimeout")]
    [InlineData("WorkerFunction", "artifacts/lambda/Worker.zip", "WorkerMemorySize", "WorkerTimeout")]
    public void Functions_run_the_packaged_bootstrap_on_al2023_on_the_chosen_architecture(string id, string code, string memory, string timeout)
    {
        var props = _template.Properties(id);
        Assert.Equal(code, Text(props["CodeUri"]));
        Assert.Equal("provided.al2023", Text(props["Runtime"]));
        Assert.Equal("bootstrap", Text(props["Handler"]));
        Assert.Equal("Architecture", Ref(Assert.Single(props["Architectures"]!.AsArray())));
        Assert.Equal(memory, Ref(props["MemorySize"]));
        Assert.Equal(timeout, Ref(props["Timeout"]));
        Assert.Equal("AWS::Logs::LogGroup", _template.TypeOf(ServerlessTemplate.Target(props["LoggingConfig"]!["LogGroup"])!));
    }

    /// <summary>The CodeUri names the x86_64 package (artifacts/lambda); deploy.sh --arch arm64 points it at artifacts/lambda-arm64.</summary>
    [Fact]
    public void The_architecture_is_x86_64_unless_arm64_is_chosen()
    {
        var architecture = _template.Parameter("Architecture")!;

        Assert.Equal("x86_64", Text(architecture["Default"]));
        Assert.Equal(["x86_64", "arm64"], architecture["AllowedValues"]!.AsArray().Select(Text));
    }

    [Fact]
    public void Http_api_sends_every_route_to_the_api_with_throttling_and_access_logs()
    {
        Assert.Equal("$default", Text(_template.Properties("HttpApiDefaultRoute")["RouteKey"]));
        var integration = _template.Properties("HttpApiIntegration");
        Assert.Equal("ApiFunction", ServerlessTemplate.Target(integration["IntegrationUri"]));
        Assert.Equal("2.0", Text(integration["PayloadFormatVersion"]));

        var stage = _template.Properties("HttpApiStage");
        Assert.Equal("ThrottlingBurstLimit", Ref(stage["DefaultRouteSettings"]!["ThrottlingBurstLimit"]));
        Assert.Equal("ThrottlingRateLimit", Ref(stage["DefaultRouteSettings"]!["ThrottlingRateLimit"]));
        Assert.Equal("HttpApiAccessLogGroup", ServerlessTemplate.Target(stage["AccessLogSettings"]!["DestinationArn"]));
    }

    /// <summary>The Api refuses other Host headers; CloudFront's API origin sends the HTTP API's own domain, so that is the one.</summary>
    [Fact]
    public void The_api_answers_only_for_its_http_api_domain()
    {
        var allowed = _template.Properties("ApiFunction")["Environment"]!["Variables"]!["AllowedHosts"]!["Fn::Sub"];
        var apiOrigin = _template.Properties("SiteDistribution")["DistributionConfig"]!["Origins"]!.AsArray().Single(o => Text(o!["Id"]) == "api");

        Assert.Equal("${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}", Text(allowed));
        Assert.Equal(Text(allowed), Text(apiOrigin!["DomainName"]!["Fn::Sub"]));
    }

    [Fact]
    public void Every_log_group_has_a_retention()
    {
        var groups = _template.IdsOfType("AWS::Logs::LogGroup").ToList();
        Assert.Equal(3, groups.Count);
        Assert.All(groups, g => Assert.Equal("LogRetentionDays", Ref(_template.Properties(g)["RetentionInDays"])));
    }

    [Fact]
    public void Job_queue_redrives_to_an_encrypted_dead_letter_queue_kept_14_days()
    {
        var queue = _template.Properties("JobQueue");
        Assert.Equal("DeadLetterQueue", ServerlessTemplate.Target(queue["RedrivePolicy"]!["deadLetterTargetArn"]));
        Assert.Equal("MaxReceiveCount", Ref(queue["RedrivePolicy"]!["maxReceiveCount"]));
        Assert.True(queue["SqsManagedSseEnabled"]!.GetValue<bool>());

        var dlq = _template.Properties("DeadLetterQueue");
        Assert.Equal(14 * 24 * 3600, dlq["MessageRetentionPeriod"]!.GetValue<int>());
        Assert.True(dlq["SqsManagedSseEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Table_is_on_demand_recoverable_encrypted_expiring_and_protected_by_parameter()
    {
        var table = _template.Properties("Table");
        Assert.Equal("PAY_PER_REQUEST", Text(table["BillingMode"]));
        Assert.True(table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!.GetValue<bool>());
        Assert.True(table["SSESpecification"]!["SSEEnabled"]!.GetValue<bool>());
        Assert.True(table["TimeToLiveSpecification"]!["Enabled"]!.GetValue<bool>());
        Assert.Equal("ProtectData", table["DeletionProtectionEnabled"]!["Fn::If"]![0]!.GetValue<string>());
        Assert.Equal("DeletionProtection", Ref(_template.Root["Conditions"]!["ProtectData"]!["Fn::Equals"]![0]));
    }

    [Fact]
    public void Bucket_is_private_encrypted_and_notifies_the_queue_of_poster_uploads_only()
    {
        var bucket = _template.Properties("UploadsBucket");
        var block = bucket["PublicAccessBlockConfiguration"]!.AsObject();
        Assert.Equal(4, block.Count(p => p.Value!.GetValue<bool>()));
        Assert.NotNull(bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]);

        var notification = Assert.Single(bucket["NotificationConfiguration"]!["QueueConfigurations"]!.AsArray())!;
        Assert.Equal("JobQueue", ServerlessTemplate.Target(notification["Queue"]));
        Assert.Equal("s3:ObjectCreated:*", Text(notification["Event"]));
        Assert.Equal(UploadLifecycle.UploadPrefix, Text(notification["Filter"]!["S3Key"]!["Rules"]![0]!["Value"]));
        Assert.Equal("JobQueuePolicy", Text(_template.Resource("UploadsBucket")["DependsOn"]));
    }

    [Fact]
    public void Queue_policy_lets_only_this_stacks_bucket_send_notifications()
    {
        var statement = Assert.Single(_template.Properties("JobQueuePolicy")["PolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal("s3.amazonaws.com", Text(statement["Principal"]!["Service"]));
        Assert.Equal("sqs:SendMessage", Text(statement["Action"]));
        var sourceArn = statement["Condition"]!["ArnEquals"]!["aws:SourceArn"]!.ToJsonString();
        var bucketName = _template.Properties("UploadsBucket")["BucketName"]!["Fn::Sub"]!.ToJsonString();
        Assert.Contains(bucketName[2..^1].Split(',')[0].Trim('"'), sourceArn, StringComparison.Ordinal);
    }

    [Fact]
    public void Bucket_cors_allows_presigned_puts_from_the_allowed_origins_and_lifecycle_expires_uploads()
    {
        var bucket = _template.Properties("UploadsBucket");
        var cors = Assert.Single(bucket["CorsConfiguration"]!["CorsRules"]!.AsArray())!;
        Assert.Contains("PUT", cors["AllowedMethods"]!.AsArray().Select(Text));
        Assert.Contains("if-none-match", cors["AllowedHeaders"]!.AsArray().Select(Text)); // the browser sends the signed condition
        Assert.Contains("{\"Ref\":\"AllowedOrigins\"}", cors["AllowedOrigins"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("SiteDistribution", _template.ResourcesReferencedBy(cors["AllowedOrigins"])); // the site's own origin

        var rules = bucket["LifecycleConfiguration"]!["Rules"]!.AsArray();
        var expiring = Assert.Single(rules, r => r!["ExpirationInDays"] is not null)!;
        Assert.Equal(UploadLifecycle.UploadPrefix, Text(expiring["Prefix"])); // never the published posters
        Assert.Equal("UploadExpirationDays", Ref(expiring["ExpirationInDays"]));
        Assert.Contains(rules, r => r!["AbortIncompleteMultipartUpload"] is not null);
    }

    [Fact]
    public void User_pool_signs_in_by_email_with_a_password_policy_a_public_client_and_the_admin_group()
    {
        var pool = _template.Properties("UserPool");
        Assert.Equal(["email"], pool["UsernameAttributes"]!.AsArray().Select(Text));
        Assert.True(pool["Policies"]!["PasswordPolicy"]!["MinimumLength"]!.GetValue<int>() >= 12);

        var client = _template.Properties("UserPoolClient");
        Assert.False(client["GenerateSecret"]!.GetValue<bool>());
        Assert.Equal("UserPool", Ref(client["UserPoolId"]));

        Assert.Equal(new IdentityOptions().AdminGroup, Text(_template.Properties("AdminGroup")["GroupName"]));
    }

    [Theory]
    [InlineData("AWS/SQS", "ApproximateNumberOfMessagesVisible", "DeadLetterQueue")]
    [InlineData("AWS/ApiGateway", "5xx", "HttpApi")]
    [InlineData("AWS/Lambda", "Errors", "WorkerFunction")]
    [InlineData("AWS/Lambda", "Throttles", "WorkerFunction")]
    public void Alarms_watch_dead_letters_api_errors_and_the_worker(string ns, string metric, string resource)
    {
        var alarms = _template.IdsOfType("AWS::CloudWatch::Alarm").Select(_template.Properties);
        Assert.Contains(alarms, a =>
            Text(a["Namespace"]) == ns && Text(a["MetricName"]) == metric
            && _template.ResourcesReferencedBy(a["Dimensions"]).Contains(resource));
    }

    [Theory]
    [InlineData("ApiUrl", "HttpApi")]
    [InlineData("UserPoolId", "UserPool")]
    [InlineData("UserPoolClientId", "UserPoolClient")]
    [InlineData("TableName", "Table")]
    [InlineData("BucketName", "UploadsBucket")]
    [InlineData("QueueUrl", "JobQueue")]
    [InlineData("DeadLetterQueueUrl", "DeadLetterQueue")]
    public void Outputs_name_the_stacks_endpoints(string output, string resource) =>
        Assert.Contains(resource, _template.ResourcesReferencedBy(_template.Root["Outputs"]![output]!["Value"]));

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    private static string? Ref(JsonNode? node) => node?["Ref"]?.GetValue<string>();
}
