using Microsoft.Extensions.Configuration;

namespace BoxOffice.Hosting.Composition;

/// <summary>Section <c>BoxOffice</c>: which shape the app runs in. Env var: <c>BoxOffice__Shape</c>.</summary>
public sealed class BoxOfficeOptions
{
    public const string Section = "BoxOffice";

    public RuntimeShape Shape { get; set; } = RuntimeShape.Local;

    /// <summary>The configured shape, for choices made while the host is still being built.</summary>
    public static RuntimeShape ShapeOf(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<BoxOfficeOptions>()?.Shape ?? RuntimeShape.Local;
}

public enum RuntimeShape
{
    /// <summary>SQLite, a folder on disk, a SQLite queue and the dev token issuer: nothing to install.</summary>
    Local,
    /// <summary>DynamoDB, S3, SQS and Cognito (real, or emulated by moto/LocalStack).</summary>
    Aws,
}
