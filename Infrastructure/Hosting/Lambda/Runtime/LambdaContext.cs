namespace BoxOffice.Hosting.Lambda.Runtime;

/// <summary>One invocation as the Runtime API describes it (named like the official <c>ILambdaContext</c>).</summary>
public sealed class LambdaContext(
    string awsRequestId,
    DateTimeOffset deadline,
    string invokedFunctionArn,
    string? traceId,
    string? clientContext = null,
    string? cognitoIdentity = null)
{
    public string AwsRequestId { get; } = awsRequestId;

    /// <summary>When Lambda stops the invocation.</summary>
    public DateTimeOffset Deadline { get; } = deadline;

    public TimeSpan RemainingTime => Deadline - DateTimeOffset.UtcNow;

    public string InvokedFunctionArn { get; } = invokedFunctionArn;

    /// <summary>The X-Ray trace header (<c>Root=...;Parent=...;Sampled=...</c>), when tracing is on.</summary>
    public string? TraceId { get; } = traceId;

    /// <summary>Raw JSON of the mobile client context, when the caller sent one.</summary>
    public string? ClientContext { get; } = clientContext;

    /// <summary>Raw JSON of the Cognito identity, when the caller sent one.</summary>
    public string? CognitoIdentity { get; } = cognitoIdentity;

    public string FunctionName => LambdaEnvironment.FunctionName;

    public string FunctionVersion => LambdaEnvironment.FunctionVersion;

    public int MemoryLimitInMB => LambdaEnvironment.MemoryLimitInMB;

    public string LogGroupName => LambdaEnvironment.LogGroupName;

    public string LogStreamName => LambdaEnvironment.LogStreamName;
}
