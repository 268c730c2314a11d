using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using BoxOffice.Core.Identity;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Shows;
using BoxOffice.Hosting.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>How the AWS shape reads its configuration: no AWS calls are made here.</summary>
public sealed class AwsShapeConfigurationTests
{
    private static readonly string CursorKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Each_service_endpoint_can_point_somewhere_of_its_own()
    {
        using var host = Build(new()
        {
            ["BoxOffice:Aws:ServiceUrls:DynamoDb"] = "http://127.0.0.1:8000",
            ["BoxOffice:Aws:ServiceUrls:S3"] = "http://127.0.0.1:9000",
            ["BoxOffice:Aws:ServiceUrls:Sqs"] = "http://127.0.0.1:9324",
        });

        Assert.Equal("http://127.0.0.1:8000/", host.Services.GetRequiredService<IAmazonDynamoDB>().Config.ServiceURL);
        Assert.Equal("http://127.0.0.1:9000/", host.Services.GetRequiredService<IAmazonS3>().Config.ServiceURL);
        Assert.True(((AmazonS3Config)host.Services.GetRequiredService<IAmazonS3>().Config).ForcePathStyle);
        Assert.Equal("http://127.0.0.1:9324/", host.Services.GetRequiredService<IAmazonSQS>().Config.ServiceURL);
        Assert.All(Clients(host), c => Assert.Equal("us-east-1", c.AuthenticationRegion));
    }

    [Fact]
    public void Without_overrides_the_clients_use_the_regions_AWS_endpoints()
    {
        using var host = Build(new() { ["BoxOffice:Aws:Region"] = "eu-west-1" });

        Assert.Equal("eu-west-1", host.Services.GetRequiredService<IAmazonDynamoDB>().Config.RegionEndpoint.SystemName);
        Assert.Equal("eu-west-1", host.Services.GetRequiredService<IAmazonS3>().Config.RegionEndpoint.SystemName);
        Assert.Equal("eu-west-1", host.Services.GetRequiredService<IAmazonSQS>().Config.RegionEndpoint.SystemName);
        Assert.All(Clients(host), c => Assert.Null(c.ServiceURL));
        Assert.False(((AmazonS3Config)host.Services.GetRequiredService<IAmazonS3>().Config).ForcePathStyle);
    }

    [Fact]
    public void Every_client_retries_in_the_standard_mode_and_outwaits_a_long_poll()
    {
        using var host = Build(new());

        Assert.All(Clients(host), c =>
        {
            Assert.Equal(RequestRetryMode.Standard, c.RetryMode);
            Assert.Equal(3, c.MaxErrorRetry);
            Assert.True(c.Timeout > TimeSpan.FromSeconds(20), $"timeout {c.Timeout}");
        });
    }

    [Fact]
    public void Credentials_registered_in_the_container_are_the_ones_the_clients_are_built_with()
    {
        using var host = Build(new());

        var options = host.Services.GetRequiredService<AWSOptions>();

        Assert.Same(host.Services.GetRequiredService<AWSCredentials>(), options.Credentials);
        Assert.Equal("us-east-1", options.Region.SystemName);
    }

    [Fact]
    public void Clients_are_created_once_and_shared()
    {
        using var host = Build(new());

        Assert.Same(host.Services.GetRequiredService<IAmazonDynamoDB>(), host.Services.GetRequiredService<IAmazonDynamoDB>());
        Assert.Same(host.Services.GetRequiredService<IAmazonSQS>(), host.Services.GetRequiredService<IAmazonSQS>());
        Assert.Same(host.Services.GetRequiredService<IShowStore>(), host.Services.GetRequiredService<IShowStore>());
        Assert.NotNull(host.Services.GetRequiredService<IOrderStore>());
    }

    [Theory]
    [InlineData(null, "not set")]
    [InlineData("c2hvcnQ=", "is 5 bytes")]
    [InlineData("not base64!", "is not base64")]
    public void A_missing_or_weak_cursor_key_stops_the_start(string? key, string problem)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["BoxOffice:Paging:CursorKey"] = key }));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("BoxOffice__Paging__CursorKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_resource_name_stops_the_start_and_says_which_setting_to_fill()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["BoxOffice:Aws:TableName"] = "" }));

        Assert.Contains("BoxOffice__Aws__TableName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_issuer_and_JWKS_address_default_from_the_region_and_the_pool()
    {
        using var host = Build(new() { ["BoxOffice:Aws:Region"] = "eu-west-1", ["BoxOffice:Aws:UserPoolId"] = "eu-west-1_AbC" });

        var identity = host.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;

        Assert.Equal("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC", identity.Issuer);
        Assert.Equal("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC/.well-known/jwks.json", identity.JwksUrl);
    }

    [Fact]
    public void The_JWKS_address_can_point_at_an_emulator()
    {
        using var host = Build(new() { ["BoxOffice:Identity:JwksUrl"] = "http://127.0.0.1:5000/pool/.well-known/jwks.json" });

        var identity = host.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;

        Assert.Equal("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_pool", identity.Issuer);
        Assert.Equal("http://127.0.0.1:5000/pool/.well-known/jwks.json", identity.JwksUrl);
    }

    [Fact]
    public void The_app_client_id_must_be_configured()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["BoxOffice:Identity:ClientId"] = null }));

        Assert.Contains("BoxOffice__Identity__ClientId", error.Message, StringComparison.Ordinal);
    }

    private static IClientConfig[] Clients(IHost host) =>
    [
        host.Services.GetRequiredService<IAmazonDynamoDB>().Config,
        host.Services.GetRequiredService<IAmazonS3>().Config,
        host.Services.GetRequiredService<IAmazonSQS>().Config,
    ];

    private static IHost Build(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BoxOffice:Shape"] = "Aws",
            ["BoxOffice:Aws:Region"] = "us-east-1",
            ["BoxOffice:Aws:TableName"] = "boxoffice",
            ["BoxOffice:Aws:BucketName"] = "boxoffice-files",
            ["BoxOffice:Aws:QueueUrl"] = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs",
            ["BoxOffice:Aws:DeadLetterQueueUrl"] = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs-dlq",
            ["BoxOffice:Aws:UserPoolId"] = "us-east-1_pool",
            ["BoxOffice:Identity:ClientId"] = "app-client",
            ["BoxOffice:Paging:CursorKey"] = CursorKey,
        };
        foreach (var (key, value) in overrides) settings[key] = value;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBoxOfficeCore(AwsSettings.Api);
        builder.Services.AddSingleton<Amazon.Runtime.AWSCredentials>(new Amazon.Runtime.BasicAWSCredentials("key", "secret"));
        return builder.Build();
    }
}
