using BoxOffice.Core.Identity;
using Microsoft.Extensions.Configuration;

namespace BoxOffice.Hosting.Composition;

/// <summary>
/// The settings each function needs in the AWS shape, as environment variable names. <c>serverless.template</c>
/// must set exactly these on each function (a test holds it to that), and the AWS shape can check them at startup.
/// The region is not here: Lambda sets <c>AWS_REGION</c>.
/// </summary>
public static class AwsSettings
{
    public const string Shape = "BoxOffice__Shape";
    public const string TableName = "BoxOffice__Aws__TableName";
    public const string BucketName = "BoxOffice__Aws__BucketName";
    public const string QueueUrl = "BoxOffice__Aws__QueueUrl";
    public const string DeadLetterQueueUrl = "BoxOffice__Aws__DeadLetterQueueUrl";
    public const string UserPoolId = "BoxOffice__Aws__UserPoolId";
    public const string ClientId = "BoxOffice__Identity__ClientId";
    public const string CursorKey = "BoxOffice__Paging__CursorKey";
    public const string MaxReceives = "BoxOffice__Queue__MaxReceives";
    public const string MetricsEnvironment = "BoxOffice__Metrics__Environment";
    public const string CorsAllowedOrigins = "BoxOffice__Cors__AllowedOrigins";

    /// <summary>The HTTP Api: every store, the queue to publish jobs, the dead letters to list and redrive, the user pool.</summary>
    public static readonly IReadOnlyList<string> Api =
        [Shape, TableName, BucketName, QueueUrl, DeadLetterQueueUrl, UserPoolId, ClientId, CursorKey];

    /// <summary>
    /// Settings the Api reads when present (each has a default); the metrics' environment is the stack's name, the
    /// CORS origins the site's and the stack's <c>AllowedOrigins</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> ApiOptional = [MetricsEnvironment, CorsAllowedOrigins];

    /// <summary>
    /// The Worker: the stores its handlers write, the queue it is fed from (and publishes follow-up jobs to), the
    /// cursor key, since its handlers page through a show's orders and the AWS shape never generates a key, and the
    /// queue's max receive count, so a job failing on its last receive records its failure before it is dead-lettered.
    /// </summary>
    public static readonly IReadOnlyList<string> Worker =
        [Shape, TableName, BucketName, QueueUrl, CursorKey, MaxReceives];

    /// <summary>Settings the Worker reads when present: the metrics' environment (the stack's name).</summary>
    public static readonly IReadOnlyList<string> WorkerOptional = [MetricsEnvironment];

    /// <summary>The configuration key of an environment variable name (<c>A__B</c> is <c>A:B</c>).</summary>
    public static string ConfigurationKey(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>
    /// The variables of <paramref name="required"/> that have no value in <paramref name="configuration"/>. The app
    /// client id of the local shape (from appsettings.json) counts as no value: no Cognito token carries it.
    /// </summary>
    public static IReadOnlyList<string> Missing(IConfiguration configuration, IEnumerable<string> required) =>
        required.Where(v => configuration[ConfigurationKey(v)] is not { } value || string.IsNullOrWhiteSpace(value) || IsLocalOnly(v, value)).ToList();

    private static bool IsLocalOnly(string variable, string value) =>
        variable == ClientId && value == new IdentityOptions().ClientId;
}
