namespace BoxOffice.Hosting.Tracing;

/// <summary>Section <c>BoxOffice:Telemetry</c>: the OpenTelemetry exporter, off unless an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "BoxOffice:Telemetry";

    /// <summary>OTLP collector, e.g. <c>http://localhost:4318</c> (http/protobuf) or <c>http://localhost:4317</c> (grpc). Empty: no exporter at all.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>http/protobuf</c> (default) or <c>grpc</c>.</summary>
    public string OtlpProtocol { get; set; } = "http/protobuf";
}
