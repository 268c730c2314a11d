using Microsoft.Extensions.Hosting;

namespace BoxOffice.Configuration;

public static class AwsShapeExtensions
{
    /// <summary>Wires the ports to DynamoDB, S3, SQS and Cognito (issue 4).</summary>
    public static IHostApplicationBuilder AddAwsShape(this IHostApplicationBuilder builder) =>
        throw new NotSupportedException("The AWS shape is not wired yet; run with BoxOffice__Shape=Local.");
}
