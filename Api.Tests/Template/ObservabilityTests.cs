using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BoxOffice.Api.Logging;
using BoxOffice.Hosting.Logging;
using BoxOffice.Hosting.Metrics;

namespace BoxOffice.Api.Tests.Template;

/// <summary>Tracing, the alarm topic and its alarms, the dashboard and the saved Logs Insights queries of the template.</summary>
[Trait("Category", TestCategory.Template)]
public partial class ObservabilityTests
{
    private static readonly string[] Functions = ["ApiFunction", "WorkerFunction"];
    private readonly ServerlessTemplate _template = ServerlessTemplate.Load();

    [Theory]
    [InlineData("ApiFunction")]
    [InlineData("WorkerFunction")]
    public void Each_function_traces_actively_and_its_role_may_write_xray_segments(string functionId)
    {
        var props = _template.Properties(functionId);
        Assert.Equal("Active", props["Tracing"]!.GetValue<string>());

        var role = ServerlessTemplate.Target(props["Role"])!;
        var tracing = _template.Properties(role)["Policies"]!.AsArray()
            .SelectMany(p => p!["PolicyDocument"]!["Statement"]!.AsArray())
            .Single(s => s!["Action"] is JsonArray a && a.Any(x => x!.GetValue<string>().StartsWith("xray:", StringComparison.Ordinal)))!;
        Assert.Equal("Allow", tracing["Effect"]!.GetValue<string>());
        Assert.Equal(["xray:PutTelemetryRecords", "xray:PutTraceSegments"], tracing["Action"]!.AsArray().Select(a => a!.GetValue<string>()).Order());
        Assert.Equal("*", tracing["Resource"]!.GetValue<string>());
    }

    [Fact]
    public void Both_functions_log_at_the_level_of_one_parameter_whose_values_are_serilog_levels()
    {
        foreach (var function in Functions)
            Assert.Equal("LogLevel", ServerlessTemplate.Target(_template.Properties(function)["Environment"]!["Variables"]!["Serilog__MinimumLevel"]));
        var levels = _template.Parameter("LogLevel")!["AllowedValues"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.Contains(_template.Parameter("LogLevel")!["Default"]!.GetValue<string>(), levels);
        Assert.All(levels, level => Assert.True(Enum.TryParse<Serilog.Events.LogEventLevel>(level, out _), $"{level} is not a Serilog level"));
    }

    [Fact]
    public void Every_alarm_notifies_the_topic_when_it_fires_and_when_it_clears()
    {
        var alarms = _template.IdsOfType("AWS::CloudWatch::Alarm").ToList();
        Assert.True(alarms.Count >= 8, $"only {alarms.Count} alarms");
        foreach (var id in alarms)
        {
            var props = _template.Properties(id);
            Assert.True(OnlyTheTopic(props["AlarmActions"]), $"{id}: AlarmActions must be the alarm topic");
            Assert.True(OnlyTheTopic(props["OKActions"]), $"{id}: OKActions must be the alarm topic");
        }
    }

    [Fact]
    public void The_topic_always_exists_lets_cloudwatch_publish_and_mails_only_when_an_address_is_given()
    {
        var topic = _template.Resource("AlarmTopic");
        Assert.Null(topic["Condition"]);
        // CloudWatch cannot publish to a topic under the AWS-managed SNS key.
        Assert.NotEqual("alias/aws/sns", _template.Properties("AlarmTopic")["KmsMasterKeyId"]?.GetValue<string>());

        var policy = _template.Properties(Assert.Single(_template.IdsOfType("AWS::SNS::TopicPolicy")));
        Assert.Equal("AlarmTopic", ServerlessTemplate.Target(Assert.Single(policy["Topics"]!.AsArray())));
        Assert.Contains(policy["PolicyDocument"]!["Statement"]!.AsArray(), s =>
            s!["Effect"]!.GetValue<string>() == "Allow" && s["Principal"]?["Service"]?.GetValue<string>() == "cloudwatch.amazonaws.com"
            && s["Action"]!.GetValue<string>() == "sns:Publish" && s["Condition"]?["StringEquals"]?["aws:SourceAccount"] is not null);

        var subscriptionId = Assert.Single(_template.IdsOfType("AWS::SNS::Subscription"));
        var subscription = _template.Resource(subscriptionId);
        Assert.Equal("HasAlarmEmail", subscription["Condition"]!.GetValue<string>());
        Assert.Equal(("AlarmTopic", "email", "AlarmEmail"), (
            ServerlessTemplate.Target(subscription["Properties"]!["TopicArn"]),
            subscription["Properties"]!["Protocol"]!.GetValue<string>(),
            ServerlessTemplate.Target(subscription["Properties"]!["Endpoint"])));
        var condition = _template.Root["Conditions"]!["HasAlarmEmail"]!["Fn::Not"]![0]!["Fn::Equals"]!.AsArray();
        Assert.Equal(("AlarmEmail", ""), (ServerlessTemplate.Target(condition[0]), condition[1]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("AWS/SQS", "ApproximateAgeOfOldestMessage", "JobQueue")]
    [InlineData("AWS/SQS", "ApproximateNumberOfMessagesVisible", "DeadLetterQueue")]
    [InlineData("AWS/ApiGateway", "5xx", "HttpApi")]
    public void Alarms_watch_job_age_dead_letters_and_api_errors(string ns, string metric, string resource) =>
        Assert.Contains(_template.IdsOfType("AWS::CloudWatch::Alarm").Select(_template.Properties), a =>
            a["Namespace"]?.GetValue<string>() == ns && a["MetricName"]?.GetValue<string>() == metric
            && _template.ResourcesReferencedBy(a["Dimensions"]).Contains(resource));

    [Theory]
    [InlineData("BoxOffice", "OrdersRefused", "OrdersPlaced", "OrderRefusalAlarmPercent")]
    [InlineData("AWS/ApiGateway", "5xx", "Count", "Api5xxAlarmPercent")]
    public void Rate_alarms_divide_the_bad_count_by_the_total_in_a_math_expression(string ns, string bad, string total, string thresholdParameter)
    {
        var alarm = _template.IdsOfType("AWS::CloudWatch::Alarm").Select(_template.Properties)
            .Single(a => a["Metrics"] is JsonArray m && m.Any(x => x!["MetricStat"]?["Metric"]?["MetricName"]?.GetValue<string>() == bad));
        var metrics = alarm["Metrics"]!.AsArray();
        string IdOf(string name) => metrics.Single(x => x!["MetricStat"]?["Metric"]?["MetricName"]?.GetValue<string>() == name)!["Id"]!.GetValue<string>();
        Assert.All(metrics.Where(x => x!["MetricStat"] is not null), x => Assert.Equal(ns, x!["MetricStat"]!["Metric"]!["Namespace"]!.GetValue<string>()));
        var expression = Assert.Single(metrics, x => x!["Expression"] is not null)!;
        Assert.True(expression["ReturnData"]!.GetValue<bool>());
        var text = expression["Expression"]!.GetValue<string>();
        Assert.Contains($"100 * FILL({IdOf(bad)}, 0) /", text, StringComparison.Ordinal);
        Assert.Contains(IdOf(total), text, StringComparison.Ordinal);
        Assert.Equal(thresholdParameter, ServerlessTemplate.Target(alarm["Threshold"]));
        if (ns == "BoxOffice")
            Assert.All(metrics.Where(x => x!["MetricStat"] is not null), x => Assert.Equal(
                ("Environment", "AWS::StackName"),
                (x!["MetricStat"]!["Metric"]!["Dimensions"]![0]!["Name"]!.GetValue<string>(), ServerlessTemplate.Target(x["MetricStat"]!["Metric"]!["Dimensions"]![0]!["Value"]))));
    }

    [Fact]
    public void Each_alarm_has_a_name_of_the_stack_and_links_to_its_section_of_the_runbook()
    {
        var runbook = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ServerlessTemplate.FilePath)!, "docs", "operations.md"));
        var headings = Heading().Matches(runbook).Select(m => m.Groups[1].Value.Trim()).ToHashSet(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in _template.IdsOfType("AWS::CloudWatch::Alarm"))
        {
            var props = _template.Properties(id);
            var name = TemplateExpressions.Evaluate(props["AlarmName"]);
            Assert.StartsWith(TemplateExpressions.StackName + "-", name, StringComparison.Ordinal);
            Assert.True(names.Add(name), $"two alarms are named {name}");
            var slug = name[(TemplateExpressions.StackName.Length + 1)..];
            Assert.EndsWith($"Runbook: docs/operations.md#{slug}", props["AlarmDescription"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains(slug, headings);
        }
    }

    [Fact]
    public void The_dashboard_body_is_json_once_substituted_and_shows_the_api_the_functions_the_queues_and_the_business()
    {
        var widgets = DashboardWidgets();
        var metrics = widgets.Where(w => w.GetProperty("type").GetString() == "metric").SelectMany(DashboardMetric.Of).ToList();
        Assert.All(widgets, w => Assert.Equal(TemplateExpressions.Region, w.GetProperty("properties").TryGetProperty("region", out var r) ? r.GetString() : TemplateExpressions.Region));

        foreach (var metric in new[] { "Count", "4xx", "5xx" })
            Assert.Contains(metrics, m => m.Is("AWS/ApiGateway", metric, ("ApiId", "<HttpApi>")));
        foreach (var stat in new[] { "p50", "p99" })
            Assert.Contains(metrics, m => m.Is("AWS/ApiGateway", "Latency", ("ApiId", "<HttpApi>")) && m.Stat == stat);
        foreach (var function in Functions)
        {
            foreach (var metric in new[] { "Invocations", "Errors", "Throttles", "Duration", "ConcurrentExecutions" })
                Assert.Contains(metrics, m => m.Is("AWS/Lambda", metric, ("FunctionName", $"<{function}>")));
            Assert.Contains(metrics, m => m.Is("BoxOffice", MetricNames.ColdStart, ("Environment", TemplateExpressions.StackName), ("Function", $"<{function}>")));
        }
        Assert.Contains(metrics, m => m.Is("AWS/SQS", "ApproximateNumberOfMessagesVisible", ("QueueName", "<JobQueue.QueueName>")));
        Assert.Contains(metrics, m => m.Is("AWS/SQS", "ApproximateAgeOfOldestMessage", ("QueueName", "<JobQueue.QueueName>")));
        Assert.Contains(metrics, m => m.Is("AWS/SQS", "ApproximateNumberOfMessagesVisible", ("QueueName", "<DeadLetterQueue.QueueName>")));
        foreach (var business in new[]
        {
            MetricNames.OrdersPlaced, MetricNames.OrdersRefused, MetricNames.SeatsSold, MetricNames.OrdersCancelled, MetricNames.TicketsIssued,
            MetricNames.PostersPublished, MetricNames.PostersRejected, MetricNames.ReportsProduced, MetricNames.JobDuration, MetricNames.JobAge,
            MetricNames.JobsFailed, MetricNames.JobsDeadLettered, MetricNames.DependencyErrors, MetricNames.DependencyRetries,
        })
            Assert.Contains(metrics, m => m.Namespace == "BoxOffice" && m.Name == business && m.Dimensions.GetValueOrDefault("Environment") == TemplateExpressions.StackName);
    }

    [Fact]
    public void The_dashboard_shows_the_state_of_every_alarm()
    {
        var alarmWidget = Assert.Single(DashboardWidgets(), w => w.GetProperty("type").GetString() == "alarm");
        var shown = alarmWidget.GetProperty("properties").GetProperty("alarms").EnumerateArray().Select(a => a.GetString()!).Order().ToList();

        var expected = _template.IdsOfType("AWS::CloudWatch::Alarm")
            .Select(id => $"arn:aws:cloudwatch:{TemplateExpressions.Region}:{TemplateExpressions.AccountId}:alarm:{TemplateExpressions.Evaluate(_template.Properties(id)["AlarmName"])}")
            .Order().ToList();
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void Saved_queries_follow_one_request_find_errors_by_route_and_slow_jobs_with_the_fields_the_logs_carry()
    {
        var queries = _template.IdsOfType("AWS::Logs::QueryDefinition").Select(_template.Properties).ToList();
        Assert.Equal(3, queries.Count);
        Assert.All(queries, q => Assert.StartsWith(TemplateExpressions.StackName + "/", TemplateExpressions.Evaluate(q["Name"]), StringComparison.Ordinal));
        Assert.All(queries, q => Assert.All(q["LogGroupNames"]!.AsArray(), g => Assert.Contains(ServerlessTemplate.Target(g), new[] { "ApiLogGroup", "WorkerLogGroup" })));

        var oneRequest = Query(queries, "one-request-or-trace");
        foreach (var field in new[] { RequestIdMiddleware.PropertyName, "CorrelationId", TraceContextEnricher.TraceIdProperty })
            Assert.Contains($"{field} = ", oneRequest["QueryString"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["ApiLogGroup", "WorkerLogGroup"], oneRequest["LogGroupNames"]!.AsArray().Select(g => ServerlessTemplate.Target(g)!).Order());

        var errors = Query(queries, "errors-by-route")["QueryString"]!.GetValue<string>();
        Assert.Contains("StatusCode >= 400", errors, StringComparison.Ordinal);
        Assert.Contains("by Route, StatusCode", errors, StringComparison.Ordinal);
        Assert.Contains("{Route:l}", RequestLogging.MessageTemplate, StringComparison.Ordinal);

        var slowJobs = Query(queries, "slow-jobs");
        Assert.Contains("sort ElapsedMs desc", slowJobs["QueryString"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("WorkerLogGroup", ServerlessTemplate.Target(Assert.Single(slowJobs["LogGroupNames"]!.AsArray())));
    }

    private static JsonObject Query(List<JsonObject> queries, string name) =>
        queries.Single(q => TemplateExpressions.Evaluate(q["Name"]).EndsWith("/" + name, StringComparison.Ordinal));

    private List<JsonElement> DashboardWidgets()
    {
        var dashboard = _template.Properties(Assert.Single(_template.IdsOfType("AWS::CloudWatch::Dashboard")));
        var body = JsonDocument.Parse(TemplateExpressions.Evaluate(dashboard["DashboardBody"])).RootElement;
        return [.. body.GetProperty("widgets").EnumerateArray().Select(w => w.Clone())];
    }

    private static bool OnlyTheTopic(JsonNode? actions) =>
        actions is JsonArray { Count: 1 } list && ServerlessTemplate.Target(list[0]) == "AlarmTopic";

    [GeneratedRegex(@"^#{2,4} +`?([A-Za-z0-9-]+)`?\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    /// <summary>One metric a dashboard widget plots: a metric array, or the metric a SEARCH expression names.</summary>
    private sealed partial record DashboardMetric(string Namespace, string Name, Dictionary<string, string> Dimensions, string? Stat)
    {
        public bool Is(string ns, string name, params (string Name, string Value)[] dimensions) =>
            Namespace == ns && Name == name && dimensions.All(d => Dimensions.GetValueOrDefault(d.Name) == d.Value);

        public static IEnumerable<DashboardMetric> Of(JsonElement widget)
        {
            var props = widget.GetProperty("properties");
            var stat = props.TryGetProperty("stat", out var s) ? s.GetString() : null;
            foreach (var entry in props.GetProperty("metrics").EnumerateArray())
            {
                var items = entry.EnumerateArray().ToList();
                if (items[0].ValueKind == JsonValueKind.Object)
                {
                    var search = Search().Match(items[0].GetProperty("expression").GetString()!);
                    Assert.True(search.Success, $"not a SEARCH of the app's metrics: {items[0]}");
                    var dims = search.Groups["dims"].Value.Split(',').Skip(1).ToDictionary(d => d, _ => "*");
                    dims["Environment"] = search.Groups["env"].Value;
                    yield return new DashboardMetric(search.Groups["ns"].Value, search.Groups["name"].Value, dims, search.Groups["stat"].Value);
                    continue;
                }
                var options = items[^1].ValueKind == JsonValueKind.Object ? items[^1] : default;
                var names = items.Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToList();
                Assert.True(names.Count % 2 == 0, $"a metric needs namespace, name and name/value pairs: {entry}");
                var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 2; i < names.Count; i += 2) dimensions[names[i]] = names[i + 1];
                var own = options.ValueKind == JsonValueKind.Object && options.TryGetProperty("stat", out var o) ? o.GetString() : stat;
                yield return new DashboardMetric(names[0], names[1], dimensions, own);
            }
        }

        [GeneratedRegex("""^SEARCH\('\{(?<ns>[A-Za-z/]+),(?<dims>[A-Za-z,]+)\} MetricName="(?<name>\w+)" Environment="(?<env>[^"]+)"', '(?<stat>\w+)', \d+\)$""")]
        private static partial Regex Search();
    }
}
