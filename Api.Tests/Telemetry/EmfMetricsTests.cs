using System.Text.Json;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Hosting.Metrics;

namespace BoxOffice.Api.Tests.Telemetry;

public class EmfMetricsTests
{
    private readonly MetricsCapture _capture = new();

    [Fact]
    public void Each_line_is_an_emf_object_with_the_configured_namespace_and_environment_and_counts_summed()
    {
        var metrics = _capture.Metrics(new MetricsOptions { Namespace = "BoxOfficeTest", Environment = "stage-7" });
        metrics.OrderPlaced(2);
        metrics.OrderPlaced(3);
        metrics.TicketsIssued(5);

        Assert.Equal(1, metrics.Flush());

        var line = Assert.Single(_capture.Lines);
        Assert.Empty(EmfSpecification.Problems(line));
        var emf = JsonDocument.Parse(line).RootElement;
        var directive = Assert.Single(emf.GetProperty("_aws").GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("BoxOfficeTest", directive.GetProperty("Namespace").GetString());
        Assert.Equal([["Environment"]], Sets(directive));
        Assert.Equal("stage-7", emf.GetProperty("Environment").GetString());
        Assert.Equal((2, 5, 5), (emf.GetProperty("OrdersPlaced").GetInt32(), emf.GetProperty("SeatsSold").GetInt32(), emf.GetProperty("TicketsIssued").GetInt32()));
        Assert.All(directive.GetProperty("Metrics").EnumerateArray(), m => Assert.Equal("Count", m.GetProperty("Unit").GetString()));
        Assert.Equal("tests", emf.GetProperty("Service").GetString());
    }

    [Fact]
    public void A_flush_takes_everything_so_the_next_one_writes_nothing()
    {
        var metrics = _capture.Metrics();
        metrics.ReportProduced();

        Assert.Equal(1, metrics.Flush());
        Assert.Equal(0, metrics.Flush());
        Assert.Single(_capture.Lines);
    }

    [Fact]
    public void Refusals_are_filed_by_reason_and_in_total_and_each_dimension_value_is_its_own_line()
    {
        var metrics = _capture.Metrics();
        metrics.OrderRefused("SeatsShort");
        metrics.OrderRefused("SeatsShort");
        metrics.OrderRefused("NotOnSale");

        metrics.Flush();

        var lines = _capture.Objects();
        Assert.Equal(2, lines.Count);
        Assert.All(_capture.Lines, l => Assert.Empty(EmfSpecification.Problems(l)));
        var seatsShort = Assert.Single(lines, l => l.GetProperty("Reason").GetString() == "SeatsShort");
        Assert.Equal(2, seatsShort.GetProperty("OrdersRefused").GetInt32());
        Assert.Equal([["Environment", "Reason"], ["Environment"]], Sets(seatsShort.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0]));
    }

    [Fact]
    public void Job_durations_and_ages_are_millisecond_values_by_job_type()
    {
        var metrics = _capture.Metrics();
        metrics.JobHandled("order.placed", TimeSpan.FromMilliseconds(12.5), TimeSpan.FromSeconds(2));
        metrics.JobHandled("order.placed", TimeSpan.FromMilliseconds(7), null);
        metrics.JobFailed("order.placed", TimeSpan.FromSeconds(1), deadLettered: true);

        metrics.Flush();

        var line = Assert.Single(_capture.Objects());
        Assert.Empty(EmfSpecification.Problems(_capture.Lines.Single()));
        Assert.Equal("order.placed", line.GetProperty("JobType").GetString());
        Assert.Equal([12.5, 7], line.GetProperty("JobDuration").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([2000, 1000], line.GetProperty("JobAge").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal((1, 1), (line.GetProperty("JobsFailed").GetInt32(), line.GetProperty("JobsDeadLettered").GetInt32()));
        var units = line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("Name").GetString()!, m => m.GetProperty("Unit").GetString());
        Assert.Equal("Milliseconds", units["JobDuration"]);
        Assert.Equal("Count", units["JobsFailed"]);
    }

    [Fact]
    public void More_than_100_values_of_a_metric_go_into_further_objects()
    {
        var metrics = _capture.Metrics();
        for (var i = 0; i < 250; i++) metrics.JobHandled("report.sales.requested", TimeSpan.FromMilliseconds(i), null);

        Assert.Equal(3, metrics.Flush());

        Assert.All(_capture.Lines, l => Assert.Empty(EmfSpecification.Problems(l)));
        var values = _capture.Objects().SelectMany(o => o.GetProperty("JobDuration").EnumerateArray().Select(v => v.GetDouble())).ToList();
        Assert.Equal(Enumerable.Range(0, 250).Select(i => (double)i), values);
    }

    [Fact]
    public void More_than_100_metrics_in_one_group_go_into_further_objects()
    {
        var buffer = new MetricsBuffer();
        for (var i = 0; i < 150; i++) buffer.Count($"Metric{i:D3}", MetricDimensions.None, i);

        var lines = new EmfFormatter().Lines(buffer.Drain(), "BoxOffice", "local", DateTimeOffset.UtcNow, []).ToList();

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Empty(EmfSpecification.Problems(l)));
        var names = lines.SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics")
            .EnumerateArray().Select(m => m.GetProperty("Name").GetString())).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 150).Select(i => $"Metric{i:D3}"), names);
    }

    [Fact]
    public void Properties_go_on_each_line_but_never_replace_a_dimension_or_a_metric()
    {
        var metrics = _capture.Metrics();
        metrics.ColdStart("box-office-api");

        metrics.Flush([new("AwsRequestId", "req-1"), new("Function", "spoofed"), new("ColdStart", "x")]);

        var line = Assert.Single(_capture.Objects());
        Assert.Empty(EmfSpecification.Problems(_capture.Lines.Single()));
        Assert.Equal("req-1", line.GetProperty("AwsRequestId").GetString());
        Assert.Equal("box-office-api", line.GetProperty("Function").GetString());
        Assert.Equal(1, line.GetProperty("ColdStart").GetInt32());
        Assert.Equal([["Environment", "Function"]], Sets(line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0]));
    }

    [Fact]
    public void Dependency_errors_are_filed_by_dependency_and_kind_and_by_dependency()
    {
        var metrics = _capture.Metrics();
        metrics.CallFailed("DynamoDB", "Throttled");
        metrics.CallRetried("DynamoDB", 3);

        metrics.Flush();

        var lines = _capture.Objects();
        var errors = Assert.Single(lines, l => l.TryGetProperty("DependencyErrors", out _));
        Assert.Equal([["Environment", "Dependency", "Kind"], ["Environment", "Dependency"]], Sets(errors.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0]));
        Assert.Equal("Throttled", errors.GetProperty("Kind").GetString());
        Assert.Equal(3, Assert.Single(lines, l => l.TryGetProperty("DependencyRetries", out _)).GetProperty("DependencyRetries").GetInt32());
    }

    [Theory]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["Environment"]],"Metrics":[{"Name":"M","Unit":"Count"}]}]},"M":1}""", "dimension Environment is not a top-level member")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M","Unit":"Count"}]}]}}""", "metric M is not a top-level member")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M","Unit":"Items"}]}]},"M":1}""", "which CloudWatch does not know")]
    [InlineData("""{"_aws":{"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":1}""", "Timestamp")]
    [InlineData("""{"log":"a log line, not EMF"}""", "no _aws object")]
    public void The_specification_check_catches_what_cloudwatch_would_reject(string line, string problem) =>
        Assert.Contains(EmfSpecification.Problems(line), p => p.Contains(problem, StringComparison.Ordinal));

    [Fact]
    public void The_specification_check_catches_too_many_dimensions_metrics_and_values()
    {
        var dims = string.Join(",", Enumerable.Range(0, 31).Select(i => $"\"D{i}\""));
        var members = string.Join(",", Enumerable.Range(0, 31).Select(i => $"\"D{i}\":\"v\""));
        var definitions = string.Join(",", Enumerable.Range(0, 101).Select(i => $"{{\"Name\":\"M{i}\"}}"));
        var values = string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"M{i}\":[{string.Join(",", Enumerable.Repeat(1, i == 0 ? 101 : 1))}]"));
        var line = $"{{\"_aws\":{{\"Timestamp\":1,\"CloudWatchMetrics\":[{{\"Namespace\":\"N\",\"Dimensions\":[[{dims}]],\"Metrics\":[{definitions}]}}]}},{members},{values}}}";

        var problems = EmfSpecification.Problems(line);

        Assert.Contains(problems, p => p.Contains("31 dimensions", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("101 metrics", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("M0 has 101 values", StringComparison.Ordinal));
    }

    private static string[][] Sets(JsonElement directive) =>
        [.. directive.GetProperty("Dimensions").EnumerateArray().Select(s => s.EnumerateArray().Select(d => d.GetString()!).ToArray())];
}
