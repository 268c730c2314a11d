namespace BoxOffice.Api.Tests.Aws.Faults;

public enum AwsService
{
    DynamoDb,
    Sqs,
    S3,
}

/// <summary>Which service and operation an SDK request is: JSON protocols name it in <c>X-Amz-Target</c>; S3 is REST.</summary>
public static class AwsOperation
{
    public static (AwsService Service, string Operation) Of(HttpRequestMessage request)
    {
        if (request.Headers.TryGetValues("X-Amz-Target", out var targets))
        {
            var target = targets.First();
            var service = target.StartsWith("DynamoDB", StringComparison.Ordinal) ? AwsService.DynamoDb : AwsService.Sqs;
            return (service, target.Split('.')[^1]);
        }
        var query = request.RequestUri?.Query ?? "";
        var tagging = query.Contains("tagging", StringComparison.Ordinal);
        var bucketOnly = (request.RequestUri?.AbsolutePath ?? "/").Trim('/').Split('/').Length == 1;
        var operation = request.Method.Method switch
        {
            "PUT" => tagging ? "PutObjectTagging" : "PutObject",
            "GET" when tagging => "GetObjectTagging",
            "GET" when bucketOnly => "ListObjects",
            "GET" => "GetObject",
            "HEAD" => bucketOnly ? "HeadBucket" : "HeadObject",
            "DELETE" => "DeleteObject",
            _ => request.Method.Method,
        };
        return (AwsService.S3, operation);
    }
}
