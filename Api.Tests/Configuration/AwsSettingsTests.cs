using BoxOffice.Adapters.Aws;
using BoxOffice.Core.Identity;
using BoxOffice.Core.Paging;
using BoxOffice.Hosting.Composition;
using Microsoft.Extensions.Configuration;

namespace BoxOffice.Api.Tests.Configuration;

public class AwsSettingsTests
{
    [Fact]
    public void Missing_lists_the_variables_without_a_value()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BoxOffice:Shape"] = "Aws",
                ["BoxOffice:Aws:TableName"] = "boxoffice",
                ["BoxOffice:Aws:QueueUrl"] = " ",
            })
            .Build();

        Assert.Equal([AwsSettings.BucketName, AwsSettings.QueueUrl, AwsSettings.CursorKey, AwsSettings.MaxReceives], AwsSettings.Missing(configuration, AwsSettings.Worker));
    }

    [Fact]
    public void The_local_app_client_id_counts_as_missing()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["BoxOffice:Identity:ClientId"] = new IdentityOptions().ClientId })
            .Build();

        Assert.Equal([AwsSettings.ClientId], AwsSettings.Missing(configuration, [AwsSettings.ClientId]));
    }

    [Fact]
    public void Every_variable_binds_to_an_options_property()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(AwsSettings.Api.Select(v => KeyValuePair.Create(AwsSettings.ConfigurationKey(v), (string?)"x-value")))
            .Build();

        Assert.Empty(AwsSettings.Missing(configuration, AwsSettings.Api));
        var aws = configuration.GetSection(AwsOptions.Section).Get<AwsOptions>()!;
        Assert.Equal(
            ["x-value", "x-value", "x-value", "x-value", "x-value"],
            [aws.TableName, aws.BucketName, aws.QueueUrl, aws.DeadLetterQueueUrl, aws.UserPoolId]);
        Assert.Equal("x-value", configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>()!.ClientId);
        Assert.Equal("x-value", configuration.GetSection(PagingOptions.Section).Get<PagingOptions>()!.CursorKey);
    }
}
