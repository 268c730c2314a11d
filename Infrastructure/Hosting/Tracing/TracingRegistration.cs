using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace BoxOffice.Hosting.Tracing;

public static class TracingRegistration
{
    /// <summary>
    /// The app's spans always exist (ids for logs and jobs, see <see cref="ActivityPropagation"/>); the OpenTelemetry
    /// exporter is registered only when <c>BoxOffice:Telemetry:OtlpEndpoint</c> is set, so by default it costs nothing.
    /// </summary>
    public static IHostApplicationBuilder AddBoxOfficeTracing(this IHostApplicationBuilder builder)
    {
        ActivityPropagation.EnsureListening();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>();
        if (!string.IsNullOrWhiteSpace(options?.OtlpEndpoint))
            OtlpExport.Add(builder.Services, options, builder.Environment.ApplicationName);
        return builder;
    }
}
