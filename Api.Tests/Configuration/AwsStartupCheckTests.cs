using System.Security.Cryptography;
using BoxOffice.Adapters.Aws;
using BoxOffice.Hosting.Composition;
using BoxOffice.Worker;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Tests.Configuration;

/// <summary>
/// Each entry point starts the AWS shape only with its own list of <see cref="AwsSettings"/>: the Worker without the
/// Api's user pool, client and dead letters, neither without what it reads. No AWS call is made.
/// </summary>
public sealed class AwsStartupCheckTests
{
    private static readonly Dictionary<string, string> ApiValues = new()
    {
        [AwsSettings.Shape] = "Aws",
        [AwsSettings.TableName] = "boxoffice",
        [AwsSettings.BucketName] = "boxoffice-files",
        [AwsSettings.QueueUrl] = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs",
        [AwsSettings.DeadLetterQueueUrl] = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs-dlq",
        [AwsSettings.UserPoolId] = "eu-west-1_pool",
        [AwsSettings.ClientId] = "app-client",
        [AwsSettings.CursorKey] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        [AwsSettings.MaxReceives] = "5",
        ["BoxOffice__Aws__Region"] = "eu-west-1",
    };

    [Fact]
    public void The_worker_starts_with_exactly_the_worker_settings()
    {
        var args = Arguments(ApiValues.Where(v => !IsApiOnly(v.Key)));

        using var host = WorkerProgram.CreateBuilder(args).Build();

        var aws = host.Services.GetRequiredService<IOptions<AwsOptions>>().Value;
        Assert.Equal(("boxoffice", ""), (aws.TableName, aws.UserPoolId));
    }

    [Fact]
    public void The_worker_refuses_to_start_without_a_worker_setting_and_names_it()
    {
        var args = Arguments(ApiValues.Where(v => !IsApiOnly(v.Key) && v.Key != AwsSettings.BucketName));

        var error = Assert.Throws<InvalidOperationException>(() => WorkerProgram.CreateBuilder(args));

        Assert.Contains(AwsSettings.BucketName, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AwsSettings.UserPoolId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_refuses_to_start_without_its_own_settings_and_names_every_missing_one()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (name, value) in ApiValues.Where(v => v.Key is not (AwsSettings.UserPoolId or AwsSettings.ClientId)))
                web.UseSetting(AwsSettings.ConfigurationKey(name), value);
        });

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains($"{AwsSettings.UserPoolId}, {AwsSettings.ClientId} not set", error.Message, StringComparison.Ordinal);
    }

    private static bool IsApiOnly(string name) => AwsSettings.Api.Contains(name) && !AwsSettings.Worker.Contains(name);

    private static string[] Arguments(IEnumerable<KeyValuePair<string, string>> values) =>
        [.. values.Select(v => $"--{AwsSettings.ConfigurationKey(v.Key)}={v.Value}")];
}
