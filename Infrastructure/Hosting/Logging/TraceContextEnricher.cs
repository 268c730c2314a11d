using System.Diagnostics;
using Serilog.Core;
using Serilog.Events;

namespace BoxOffice.Hosting.Logging;

/// <summary>
/// <c>TraceId</c> and <c>SpanId</c> of the current span on every line logged inside one (a request, a job, a Lambda
/// invocation): plain properties that Logs Insights queries by name. In Lambda the trace id is X-Ray's without its
/// dashes and version (<c>1-5759e988-bd86...</c> logs as <c>5759e988bd86...</c>).
/// </summary>
public sealed class TraceContextEnricher : ILogEventEnricher
{
    public const string TraceIdProperty = "TraceId";
    public const string SpanIdProperty = "SpanId";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (Activity.Current is not { } activity || activity.IdFormat != ActivityIdFormat.W3C) return;
        logEvent.AddPropertyIfAbsent(new LogEventProperty(TraceIdProperty, new ScalarValue(activity.TraceId.ToHexString())));
        logEvent.AddPropertyIfAbsent(new LogEventProperty(SpanIdProperty, new ScalarValue(activity.SpanId.ToHexString())));
    }
}
