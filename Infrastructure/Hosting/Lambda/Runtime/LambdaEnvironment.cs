namespace BoxOffice.Hosting.Lambda.Runtime;

/// <summary>What the Lambda service tells the process through its environment.</summary>
public static class LambdaEnvironment
{
    /// <summary>host:port of the Runtime API; set only inside Lambda (or a test's fake of it).</summary>
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>The X-Ray trace header of the current invocation, which AWS SDKs read.</summary>
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    public static string? RuntimeApi => Environment.GetEnvironmentVariable(RuntimeApiVariable) is { Length: > 0 } api ? api : null;

    public static bool IsLambda => RuntimeApi is not null;

    public static string FunctionName { get; } = Read("AWS_LAMBDA_FUNCTION_NAME");

    public static string FunctionVersion { get; } = Read("AWS_LAMBDA_FUNCTION_VERSION");

    public static int MemoryLimitInMB { get; } = int.TryParse(Read("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), out var mb) ? mb : 0;

    public static string LogGroupName { get; } = Read("AWS_LAMBDA_LOG_GROUP_NAME");

    public static string LogStreamName { get; } = Read("AWS_LAMBDA_LOG_STREAM_NAME");

    private static string Read(string name) => Environment.GetEnvironmentVariable(name) ?? "";
}
