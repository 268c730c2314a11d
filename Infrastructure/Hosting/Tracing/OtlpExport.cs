using System.Runtime.CompilerServices;
using BoxOffice.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BoxOffice.Hosting.Tracing;

/// <summary>
/// The OpenTelemetry tracer with an OTLP exporter: the app's spans, ASP.NET Core's request spans and HttpClient's
/// (the AWS SDK's calls among them). Kept apart and never inlined, so the OpenTelemetry assemblies are loaded only
/// when an endpoint is configured.
/// </summary>
internal static class OtlpExport
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Add(IServiceCollection services, TelemetryOptions options, string serviceName)
    {
        var grpc = string.Equals(options.OtlpProtocol, "grpc", StringComparison.OrdinalIgnoreCase);
        if (!grpc && !string.Equals(options.OtlpProtocol, "http/protobuf", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{TelemetryOptions.Section}:OtlpProtocol is '{options.OtlpProtocol}'; use http/protobuf or grpc.");
        if (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
            throw new InvalidOperationException($"{TelemetryOptions.Section}:OtlpEndpoint '{options.OtlpEndpoint}' is not an absolute URL.");
        // Set in code, an http/protobuf endpoint is used as it is: the signal's path is added here.
        if (!grpc && endpoint.AbsolutePath is "" or "/") endpoint = new Uri(endpoint, "/v1/traces");

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource(BoxOfficeActivities.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(otlp =>
                {
                    otlp.Endpoint = endpoint;
                    otlp.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                }));
    }
}
