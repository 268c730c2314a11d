namespace BoxOffice.Configuration;

/// <summary>Section <c>BoxOffice</c>: which shape the app runs in. Env var: <c>BoxOffice__Shape</c>.</summary>
public sealed class BoxOfficeOptions
{
    public const string Section = "BoxOffice";

    public RuntimeShape Shape { get; set; } = RuntimeShape.Local;
}

public enum RuntimeShape
{
    /// <summary>SQLite, a folder on disk, a SQLite queue and the dev token issuer: nothing to install.</summary>
    Local,
    /// <summary>DynamoDB, S3, SQS and Cognito (real, or emulated by moto/LocalStack).</summary>
    Aws,
}
