using System.Text.Json.Nodes;

namespace BoxOffice.Api.Tests.Template;

/// <summary>
/// The Worker is fed by its queue through an event source mapping that reports partial batch failures, and the
/// queue's visibility timeout is at least six times the function timeout plus the batching window (AWS's rule for
/// SQS event sources), for every value the parameters allow.
/// </summary>
public static class WorkerQueueRule
{
    public sealed record QueueSource(string Name, JsonNode? Queue, JsonObject Properties);

    /// <summary>SAM <c>SQS</c> events of the function and plain event source mappings that name it.</summary>
    public static IReadOnlyList<QueueSource> QueueSources(ServerlessTemplate template, string functionId)
    {
        var sources = new List<QueueSource>();
        foreach (var (name, ev) in template.Properties(functionId)["Events"]?.AsObject() ?? [])
        {
            if (ev?["Type"]?.GetValue<string>() != "SQS") continue;
            var props = ev["Properties"]?.AsObject() ?? [];
            sources.Add(new QueueSource(name, props["Queue"], props));
        }
        foreach (var id in template.IdsOfType("AWS::Lambda::EventSourceMapping"))
        {
            var props = template.Properties(id);
            if (ServerlessTemplate.Target(props["FunctionName"]) == functionId)
                sources.Add(new QueueSource(id, props["EventSourceArn"], props));
        }
        return sources;
    }

    public static IReadOnlyList<string> Check(ServerlessTemplate template, string functionId)
    {
        var sources = QueueSources(template, functionId);
        if (sources.Count == 0) return [$"{functionId}: no queue feeds it"];
        var problems = new List<string>();
        foreach (var source in sources)
        {
            var responseTypes = source.Properties["FunctionResponseTypes"]?.AsArray().Select(t => t!.GetValue<string>()) ?? [];
            if (!responseTypes.Contains("ReportBatchItemFailures"))
                problems.Add($"{source.Name}: FunctionResponseTypes lacks ReportBatchItemFailures, so one failing job retries the whole batch");
            problems.AddRange(CheckVisibility(template, functionId, source));
        }
        return problems;
    }

    private static IEnumerable<string> CheckVisibility(ServerlessTemplate template, string functionId, QueueSource source)
    {
        var queueId = ServerlessTemplate.Target(source.Queue);
        if (queueId is null || template.TypeOf(queueId) != "AWS::SQS::Queue")
        {
            yield return $"{source.Name}: its queue is not a queue of this template";
            yield break;
        }
        var timeoutNode = template.Properties(functionId)["Timeout"];
        var timeouts = PossibleValues(template, timeoutNode);
        if (timeouts.Count == 0)
        {
            yield return $"{functionId}: Timeout is unbounded (give its parameter AllowedValues or a MaxValue)";
            yield break;
        }
        var windows = PossibleValues(template, source.Properties["MaximumBatchingWindowInSeconds"]);
        var window = windows.Count == 0 ? source.Properties["MaximumBatchingWindowInSeconds"] is null ? 0 : double.PositiveInfinity : windows.Max();

        foreach (var timeout in timeouts)
        {
            var visibility = VisibilityFor(template, queueId, timeoutNode, timeout);
            if (visibility is null)
                yield return $"{queueId}: VisibilityTimeout neither is a number nor follows the Worker's timeout through a mapping";
            else if (visibility < 6 * timeout + window)
                yield return $"{queueId}: VisibilityTimeout {visibility} s is under 6 x {timeout} s + {window} s batching window";
        }
    }

    /// <summary>The queue's visibility timeout when the Worker's timeout is <paramref name="timeout"/>.</summary>
    private static double? VisibilityFor(ServerlessTemplate template, string queueId, JsonNode? timeoutNode, double timeout)
    {
        var node = template.Properties(queueId)["VisibilityTimeout"];
        if (node is null) return 30; // SQS default
        if (Number(node) is { } literal) return literal;
        if (node is not JsonObject { Count: 1 } obj || obj["Fn::FindInMap"] is not JsonArray args || args.Count != 3) return null;
        var map = template.Root["Mappings"]?[args[0]!.GetValue<string>()]?.AsObject();
        var key = args[1];
        string? keyText = key is JsonValue v ? v.ToString()
            : key?.ToJsonString() == timeoutNode?.ToJsonString() ? timeout.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        return keyText is null ? null : Number(map?[keyText]?[args[2]!.GetValue<string>()]);
    }

    /// <summary>The values a number can take: itself, or its parameter's AllowedValues, or its MaxValue (the worst case).</summary>
    public static IReadOnlyList<double> PossibleValues(ServerlessTemplate template, JsonNode? node)
    {
        if (Number(node) is { } literal) return [literal];
        if (node is not JsonObject o || o["Ref"] is not JsonValue r || template.Parameter(r.GetValue<string>()) is not { } parameter) return [];
        if (parameter["AllowedValues"] is JsonArray allowed) return allowed.Select(Number).OfType<double>().ToList();
        return Number(parameter["MaxValue"]) is { } max ? [max] : [];
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && double.TryParse(v.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
}
