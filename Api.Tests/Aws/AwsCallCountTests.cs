using System.Net;
using Amazon.DynamoDBv2;
using Amazon.SQS;
using BoxOffice.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>What one request costs in AWS calls: reads by key or Query (never Scan), one transaction and one send per order.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class AwsCallCountTests(MotoServer moto, DynamoDbLocal dynamoDb) : IAsyncLifetime
{
    private readonly AwsCallLog _dynamoDb = new();
    private readonly AwsCallLog _sqs = new();
    private AwsBoxOfficeApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new AwsBoxOfficeApp(await AwsStack.CreateAsync(moto, dynamoDb), services =>
        {
            services.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient(dynamoDb.Credentials, new AmazonDynamoDBConfig
            {
                ServiceURL = dynamoDb.Url.ToString(),
                AuthenticationRegion = MotoServer.Region,
                HttpClientFactory = _dynamoDb.SdkFactory(),
            }));
            services.AddSingleton<IAmazonSQS>(new AmazonSQSClient(moto.Credentials, new AmazonSQSConfig
            {
                ServiceURL = moto.Url.ToString(),
                AuthenticationRegion = MotoServer.Region,
                HttpClientFactory = _sqs.SdkFactory(),
            }));
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reading_a_show_is_one_GetItem()
    {
        var showId = (await (await _app.SignedInAsync(AwsStack.Admin)).CreateShowAsync()).Str("showId");
        _dynamoDb.Clear();

        await _app.CreateClient().GetJsonAsync($"/shows/{showId}");

        Assert.Equal(["GetItem"], _dynamoDb.Calls);
    }

    [Fact]
    public async Task An_order_is_one_transaction_and_one_send()
    {
        var showId = (await (await _app.SignedInAsync(AwsStack.Admin)).CreateShowAsync()).Str("showId");
        var buyer = await _app.SignedInAsync(AwsStack.Buyer);
        await (await buyer.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted); // this instance learns the price
        _dynamoDb.Clear();
        _sqs.Clear();

        await (await buyer.OrderAsync(showId, 2, idempotencyKey: Guid.NewGuid().ToString())).ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal(["TransactWriteItems"], _dynamoDb.Calls);
        Assert.Equal(["SendMessage"], _sqs.Calls);
    }

    [Fact]
    public async Task A_cold_instance_reads_the_price_once_and_a_changed_price_is_read_again()
    {
        var admin = await _app.SignedInAsync(AwsStack.Admin);
        var showId = (await admin.CreateShowAsync(price: 20m)).Str("showId");
        var buyer = await _app.SignedInAsync(AwsStack.Buyer);
        _dynamoDb.Clear();

        var first = await (await buyer.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal(["GetItem", "TransactWriteItems"], _dynamoDb.Calls);
        Assert.Equal(20m, first.GetProperty("unitPrice").GetDecimal());

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/shows/{showId}") { Content = System.Net.Http.Json.JsonContent.Create(new { price = 35m }) };
        patch.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await admin.SendAsync(patch)).EnsureSuccessStatusCode();
        _dynamoDb.Clear();

        var second = await (await buyer.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal(35m, second.GetProperty("unitPrice").GetDecimal()); // never the stale cached price
        Assert.Equal(["TransactWriteItems", "GetItem", "TransactWriteItems"], _dynamoDb.Calls);
    }

    [Fact]
    public async Task Lists_are_queries_never_scans()
    {
        var admin = await _app.SignedInAsync(AwsStack.Admin);
        var showId = (await admin.CreateShowAsync()).Str("showId");
        var buyer = await _app.SignedInAsync(AwsStack.Buyer);
        await (await buyer.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted);
        _dynamoDb.Clear();

        await _app.CreateClient().GetJsonAsync("/shows?limit=5");
        await buyer.GetJsonAsync("/orders?limit=5");

        // The shows of a listing page come whole from the table in one batch: their index entries hold no seat counter.
        Assert.Equal(["Query", "BatchGetItem", "Query"], _dynamoDb.Calls);
    }
}
