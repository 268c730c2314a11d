namespace BoxOffice.Hosting.Composition;

/// <summary>
/// The attempt timeouts of the Api's AWS calls (the Worker keeps 30 s, above SQS's 20 s long poll). With the SDK's
/// standard mode (4 attempts, jittered backoff) one DynamoDB call that times out every time gives up after about
/// 4 x 2 s plus the backoff, and a request's worst chain (a failed send, then the order's cancellation) stays well
/// under API Gateway's 29 s.
/// </summary>
public static class ApiAwsTimeouts
{
    public static readonly TimeSpan DynamoDb = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan S3 = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan Sqs = TimeSpan.FromSeconds(3);
}
