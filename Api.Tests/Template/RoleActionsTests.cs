using System.Text.Json.Nodes;

namespace BoxOffice.Api.Tests.Template;

/// <summary>
/// Each role grants exactly the actions its function's adapters call, per resource. The lists below are what the
/// code on main calls; change them together with the adapters (the deploy rehearsal checks the calls it sees against
/// the deployed roles too).
/// </summary>
[Trait("Category", TestCategory.Template)]
public class RoleActionsTests
{
    private static readonly string[] Logs = ["logs:CreateLogStream", "logs:PutLogEvents"];

    /// <summary>
    /// Api: shows (a listing page's shows in one BatchGetItem), orders (one TransactWriteItems of Put and Update,
    /// authorised per item), idempotency and reports;
    /// presigned poster PUTs (under uploads/ only) and presigned GETs, the readiness probe (ListBucket makes a
    /// missing key 404, not 403); publishing jobs and the queue depth; listing and redriving dead letters.
    /// </summary>
    private static readonly Dictionary<string, string[]> Api = new()
    {
        ["ApiLogGroup"] = Logs,
        ["Table"] = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
        ["UploadsBucket"] = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
        ["JobQueue"] = ["sqs:SendMessage", "sqs:GetQueueAttributes"],
        ["DeadLetterQueue"] = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"],
    };

    /// <summary>
    /// Worker: reads (the report's shows page by page in BatchGetItem) and updates (confirm, which checks the show in the
    /// same transaction, cancel, poster state, report state; it creates no item); ticket PDFs and report CSVs written,
    /// uploads read, posters published and superseded ones deleted; the event source mapping's polling of the job queue, and the order sweep sending
    /// ticket jobs again.
    /// </summary>
    private static readonly Dictionary<string, string[]> Worker = new()
    {
        ["WorkerLogGroup"] = Logs,
        ["Table"] = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"],
        ["UploadsBucket"] = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"],
        ["JobQueue"] = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:SendMessage"],
    };

    /// <summary>EventBridge Scheduler: queueing the order sweep.</summary>
    private static readonly Dictionary<string, string[]> Scheduler = new()
    {
        ["JobQueue"] = ["sqs:SendMessage"],
    };

    [Theory]
    [InlineData("ApiRole")]
    [InlineData("WorkerRole")]
    [InlineData("SchedulerRole")]
    public void Each_role_grants_exactly_the_actions_its_adapters_call(string roleId)
    {
        var expected = roleId switch { "ApiRole" => Api, "WorkerRole" => Worker, _ => Scheduler };

        var granted = Granted(ServerlessTemplate.Load(), roleId);

        Assert.Equal(expected.Keys.Order(), granted.Keys.Order());
        foreach (var (resource, actions) in expected)
            Assert.True(actions.Order().SequenceEqual(granted[resource].Order()),
                $"{roleId} on {resource}: expected {string.Join(", ", actions.Order())}; granted {string.Join(", ", granted[resource].Order())}");
    }

    [Fact]
    public void The_Api_writes_only_under_uploads_so_no_upload_url_can_reach_a_published_poster()
    {
        var statements = ServerlessTemplate.Load().Properties("ApiRole")["Policies"]!.AsArray()
            .SelectMany(p => p!["PolicyDocument"]!["Statement"]!.AsArray())
            .Where(s => s!["Action"]!.ToJsonString().Contains("s3:PutObject", StringComparison.Ordinal))
            .ToList();

        var statement = Assert.Single(statements)!;
        Assert.Equal($"${{UploadsBucket.Arn}}/{BoxOffice.Core.Files.UploadLifecycle.UploadPrefix}*", statement["Resource"]!["Fn::Sub"]!.GetValue<string>());
    }

    [Fact]
    public void An_extra_action_is_noticed()
    {
        var template = ServerlessTemplate.Load();
        var statements = template.Properties("WorkerRole")["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        statements.Add(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Action"] = "dynamodb:DeleteItem",
            ["Resource"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray("Table", "Arn") },
        });

        Assert.Contains("dynamodb:DeleteItem", Granted(template, "WorkerRole")["Table"]);
    }

    /// <summary>Actions per resource of the stack, over every Allow statement of the role's inline policies.</summary>
    private static Dictionary<string, HashSet<string>> Granted(ServerlessTemplate template, string roleId)
    {
        var granted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var statements = template.Properties(roleId)["Policies"]!.AsArray().SelectMany(p => p!["PolicyDocument"]!["Statement"]!.AsArray());
        foreach (var statement in statements.Where(s => s!["Effect"]!.GetValue<string>() == "Allow"))
        {
            var actions = statement!["Action"] is JsonArray list ? list.Select(a => a!.GetValue<string>()) : [statement["Action"]!.GetValue<string>()];
            foreach (var resource in template.ResourcesReferencedBy(statement["Resource"]))
            {
                if (!granted.TryGetValue(resource, out var set)) granted[resource] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(actions);
            }
        }
        return granted;
    }
}
