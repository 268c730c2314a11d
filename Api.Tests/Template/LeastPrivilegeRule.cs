using System.Text.Json.Nodes;

namespace BoxOffice.Api.Tests.Template;

/// <summary>
/// A function has a role of its own whose statements name only actions (no wildcards) on only the resources the
/// function uses: what its settings point at, the queue that feeds it and its own log group. Each action's service
/// must match the kind of resource it is granted on. The only grant on <c>*</c> is a statement of nothing but
/// <see cref="UnscopedActions"/>.
/// </summary>
public static class LeastPrivilegeRule
{
    /// <summary>Actions IAM cannot scope to a resource, so they are granted on <c>*</c>: X-Ray's segment uploads of active tracing.</summary>
    public static readonly IReadOnlySet<string> UnscopedActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "xray:PutTraceSegments", "xray:PutTelemetryRecords",
    };

    private static readonly Dictionary<string, string> ServiceResourceTypes = new()
    {
        ["dynamodb"] = "AWS::DynamoDB::Table",
        ["s3"] = "AWS::S3::Bucket",
        ["sqs"] = "AWS::SQS::Queue",
        ["logs"] = "AWS::Logs::LogGroup",
    };

    public static IReadOnlyList<string> Check(ServerlessTemplate template, string functionId)
    {
        var problems = new List<string>();
        var props = template.Properties(functionId);
        if (props["Policies"] is not null)
            problems.Add($"{functionId}: uses SAM Policies, which add actions and log permissions beyond its own; give it its own role");
        var roleId = ServerlessTemplate.Target(props["Role"]);
        if (roleId is null || template.TypeOf(roleId) != "AWS::IAM::Role")
        {
            problems.Add($"{functionId}: has no role of its own in the template");
            return problems;
        }
        var sharers = template.IdsOfType("AWS::Serverless::Function")
            .Where(f => f != functionId && ServerlessTemplate.Target(template.Properties(f)["Role"]) == roleId);
        problems.AddRange(sharers.Select(f => $"{functionId}: shares its role with {f}"));
        if (template.Properties(roleId)["ManagedPolicyArns"] is not null)
            problems.Add($"{roleId}: attaches managed policies, which are not scoped to this stack's resources");

        var used = UsedResources(template, functionId);
        foreach (var statement in Statements(template, roleId))
            problems.AddRange(CheckStatement(template, roleId, statement, used));
        return problems;
    }

    /// <summary>What the function's settings point at, the queues that feed it and its log group.</summary>
    public static IReadOnlySet<string> UsedResources(ServerlessTemplate template, string functionId)
    {
        var props = template.Properties(functionId);
        var used = new HashSet<string>(template.ResourcesReferencedBy(props["Environment"]), StringComparer.Ordinal);
        if (ServerlessTemplate.Target(props["LoggingConfig"]?["LogGroup"]) is { } logGroup) used.Add(logGroup);
        foreach (var source in WorkerQueueRule.QueueSources(template, functionId))
            if (ServerlessTemplate.Target(source.Queue) is { } queue) used.Add(queue);
        return used;
    }

    private static IEnumerable<JsonObject> Statements(ServerlessTemplate template, string roleId)
    {
        var inline = template.Properties(roleId)["Policies"]?.AsArray().Select(p => p!["PolicyDocument"]) ?? [];
        var attached = template.IdsOfType("AWS::IAM::Policy")
            .Where(p => template.Properties(p)["Roles"]?.AsArray().Any(r => ServerlessTemplate.Target(r) == roleId) == true)
            .Select(p => template.Properties(p)["PolicyDocument"]);
        return inline.Concat(attached).SelectMany(doc => doc?["Statement"]?.AsArray() ?? []).Select(s => s!.AsObject());
    }

    private static IEnumerable<string> CheckStatement(ServerlessTemplate template, string roleId, JsonObject statement, IReadOnlySet<string> used)
    {
        var sid = statement["Sid"]?.GetValue<string>() ?? "(no Sid)";
        var where = $"{roleId}/{sid}";
        if (statement["NotAction"] is not null || statement["NotResource"] is not null)
        {
            yield return $"{where}: NotAction/NotResource grant everything else";
            yield break;
        }
        var actions = AsList(statement["Action"]).Select(a => a!.GetValue<string>()).ToList();
        foreach (var action in actions.Where(a => a.Contains('*', StringComparison.Ordinal)))
            yield return $"{where}: wildcard action {action}";

        if (actions.Count > 0 && actions.All(UnscopedActions.Contains))
        {
            if (AsList(statement["Resource"]).Any(r => r is not JsonValue v || v.GetValue<string>() != "*"))
                yield return $"{where}: {string.Join(", ", actions)} take no resource but *";
            yield break;
        }
        foreach (var resource in AsList(statement["Resource"]))
        {
            var targets = template.ResourcesReferencedBy(resource);
            if (targets.Count == 0)
            {
                yield return $"{where}: resource {resource?.ToJsonString()} is not one of the stack's resources";
                continue;
            }
            foreach (var target in targets.Where(t => !used.Contains(t)))
                yield return $"{where}: grants access to {target}, which the function does not use";
            foreach (var action in actions)
            {
                var service = action.Split(':')[0];
                if (ServiceResourceTypes.TryGetValue(service, out var type) && targets.Any(t => template.TypeOf(t) != type))
                    yield return $"{where}: {action} granted on something other than an {type}";
            }
        }
    }

    private static IEnumerable<JsonNode?> AsList(JsonNode? node) => node switch
    {
        JsonArray array => array,
        null => [],
        _ => new[] { node },
    };
}
