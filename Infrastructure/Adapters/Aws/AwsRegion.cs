namespace BoxOffice.Adapters.Aws;

/// <summary>The region of the AWS shape.</summary>
internal static class AwsRegion
{
    /// <summary><see cref="AwsOptions.Region"/>, else <c>AWS_REGION</c> (set by Lambda), else <c>AWS_DEFAULT_REGION</c>.</summary>
    public static string Resolve(AwsOptions options)
    {
        string?[] candidates = [options.Region, Environment.GetEnvironmentVariable("AWS_REGION"), Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")];
        return candidates.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? throw new InvalidOperationException(
            "No AWS region: set BoxOffice:Aws:Region (env BoxOffice__Aws__Region) or AWS_REGION.");
    }
}
