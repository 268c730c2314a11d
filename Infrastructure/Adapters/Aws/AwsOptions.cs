namespace BoxOffice.Adapters.Aws;

/// <summary>
/// Section <c>BoxOffice:Aws</c>: resources of the AWS shape, as the template hands them to each function
/// (env vars <c>BoxOffice__Aws__TableName</c> and so on).
/// </summary>
public sealed class AwsOptions
{
    public const string Section = "BoxOffice:Aws";

    /// <summary>Falls back to <c>AWS_REGION</c>, which Lambda sets.</summary>
    public string? Region { get; set; }
    public string TableName { get; set; } = "";
    public string BucketName { get; set; } = "";
    public string QueueUrl { get; set; } = "";
    public string DeadLetterQueueUrl { get; set; } = "";
    public string UserPoolId { get; set; } = "";

    /// <summary>Per-service endpoint overrides for emulators (moto, LocalStack); empty means the real AWS endpoint.</summary>
    public AwsServiceUrls ServiceUrls { get; set; } = new();

    /// <summary>Per-service timeout of one HTTP attempt; unset means <see cref="AwsClientConfiguration.Timeout"/>.</summary>
    public AwsServiceTimeouts Timeouts { get; set; } = new();
}

public sealed class AwsServiceTimeouts
{
    public TimeSpan? DynamoDb { get; set; }
    public TimeSpan? S3 { get; set; }
    public TimeSpan? Sqs { get; set; }
}

public sealed class AwsServiceUrls
{
    public string? DynamoDb { get; set; }
    public string? S3 { get; set; }
    public string? Sqs { get; set; }
}
