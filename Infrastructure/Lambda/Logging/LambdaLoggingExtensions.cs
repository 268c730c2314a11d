using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Lambda.Logging;

internal static class LambdaLoggingExtensions
{
    /// <summary>
    /// One JSON object per line on stdout (CloudWatch keeps stdout), scopes included so every line of an invocation
    /// carries its <c>AwsRequestId</c>; JSON output has no colour codes.
    /// </summary>
    public static IServiceCollection AddLambdaLogging(this IServiceCollection services) =>
        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.JsonWriterOptions = new() { Indented = false };
            });
        });
}
