using System.Text.Json.Nodes;
using BoxOffice.Hosting.Composition;

namespace BoxOffice.Api.Tests.Template;

/// <summary>
/// A function's environment sets exactly the settings the app reads there (<see cref="AwsSettings"/>), and each
/// points at the right kind of thing: the table's name, the job queue's URL, a NoEcho parameter for the key...
/// </summary>
public static class FunctionSettingsRule
{
    public static IReadOnlyList<string> Check(ServerlessTemplate template, string functionId, IReadOnlyList<string> required, IReadOnlyList<string>? optional = null)
    {
        var problems = new List<string>();
        var variables = template.Properties(functionId)["Environment"]?["Variables"]?.AsObject() ?? [];
        foreach (var key in required)
        {
            if (!variables.ContainsKey(key)) problems.Add($"{functionId}: {key} is not set");
            else if (Expectations.TryGetValue(key, out var expect) && expect(template, variables[key]) is { } wrong)
                problems.Add($"{functionId}: {key} {wrong}");
        }
        foreach (var (key, value) in variables)
        {
            if (key.StartsWith("BoxOffice__", StringComparison.Ordinal) && !required.Contains(key) && optional?.Contains(key) != true)
                problems.Add($"{functionId}: {key} is set but the function does not read it");
            else if (!required.Contains(key) && Expectations.TryGetValue(key, out var expect) && expect(template, value) is { } wrong)
                problems.Add($"{functionId}: {key} {wrong}");
        }
        return problems;
    }

    private delegate string? Expectation(ServerlessTemplate template, JsonNode? value);

    private static readonly Dictionary<string, Expectation> Expectations = new()
    {
        [AwsSettings.Shape] = (_, v) => v is JsonValue s && s.TryGetValue<string>(out var text) && text == "Aws" ? null : "must be \"Aws\"",
        [AwsSettings.TableName] = RefTo("AWS::DynamoDB::Table"),
        [AwsSettings.BucketName] = RefTo("AWS::S3::Bucket"),
        [AwsSettings.QueueUrl] = (t, v) => RefTo("AWS::SQS::Queue")(t, v)
            ?? (t.Properties(ServerlessTemplate.Target(v)!)["RedrivePolicy"] is null ? "must be the job queue (the one with a redrive policy)" : null),
        [AwsSettings.DeadLetterQueueUrl] = (t, v) => RefTo("AWS::SQS::Queue")(t, v)
            ?? (IsDeadLetterTarget(t, ServerlessTemplate.Target(v)!) ? null : "must be the job queue's dead-letter queue"),
        [AwsSettings.UserPoolId] = RefTo("AWS::Cognito::UserPool"),
        [AwsSettings.ClientId] = RefTo("AWS::Cognito::UserPoolClient"),
        [AwsSettings.MaxReceives] = (t, v) =>
            t.IdsOfType("AWS::SQS::Queue").Select(q => t.Properties(q)["RedrivePolicy"]?["maxReceiveCount"]).OfType<JsonNode>().ToList() is [var count]
                && count.ToJsonString() == v?.ToJsonString()
                ? null
                : "must be the job queue's maxReceiveCount (the same Ref), so the last receive is known",
        [AwsSettings.MetricsEnvironment] = (_, v) =>
            v is JsonObject o && o["Ref"] is JsonValue r && r.GetValue<string>() == "AWS::StackName"
                ? null
                : "must be the stack name, which the dashboard and alarms file the metrics under",
        [AwsSettings.CorsAllowedOrigins] = (t, v) =>
            t.ResourcesReferencedBy(v).Contains("SiteDistribution") && RefersToParameter(v, "AllowedOrigins")
                ? null
                : "must list the site distribution's origin and the AllowedOrigins parameter",
        [AwsSettings.CursorKey] = (t, v) =>
            v is JsonObject o && o["Ref"] is JsonValue r && t.Parameter(r.GetValue<string>())?["NoEcho"]?.GetValue<bool>() == true
                ? null
                : "must come from a NoEcho parameter",
    };

    private static Expectation RefTo(string type) => (t, v) =>
        v is JsonObject o && o["Ref"] is JsonValue r && t.TypeOf(r.GetValue<string>()) == type ? null : $"must be a Ref to an {type}";

    private static bool RefersToParameter(JsonNode? node, string parameter) => node switch
    {
        JsonObject o when o["Ref"] is JsonValue r && r.GetValue<string>() == parameter => true,
        JsonObject o => o.Any(p => RefersToParameter(p.Value, parameter)),
        JsonArray a => a.Any(item => RefersToParameter(item, parameter)),
        _ => false,
    };

    private static bool IsDeadLetterTarget(ServerlessTemplate template, string queueId) =>
        template.IdsOfType("AWS::SQS::Queue").Any(q =>
            ServerlessTemplate.Target(template.Properties(q)["RedrivePolicy"]?["deadLetterTargetArn"]) == queueId);
}
