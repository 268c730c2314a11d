namespace BoxOffice.Hosting.Metrics;

/// <summary>The CloudWatch units the app's metrics use.</summary>
public static class MetricUnit
{
    public const string Count = "Count";
    public const string Milliseconds = "Milliseconds";
}
