using System.Net;
using Amazon.DynamoDBv2;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Queue.Sqs;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>What one request costs in AWS calls: reads by key or Query (never Scan), one transaction and one send per order.</summary>
[Collection(MotoCollection.Name)]
public sealed class AwsCallCountTests(MotoServer moto) : IAsyncLifetime
{
    private readonly AwsCallLog _dynamoDb = new();
    private readonly AwsCallLog _sqs = new();
    private AwsBoxOfficeApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new AwsBoxOfficeApp(await AwsStack.CreateAsync(moto), services =>
        {
            services.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient(moto.Credentials, new AmazonDynamoDBConfig
            {
                ServiceURL = moto.Url.ToString(),
                AuthenticationRegion = MotoServer.Region,
                HttpClientFactory = _dynamoDb.SdkFactory(),
            }));
            services.AddSingleton(new SqsClient(new HttpClient(_sqs.Handler()),
                new SqsClientSettings { Endpoint = moto.Url, Region = MotoServer.Region }, moto.Credentials));
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
        _dynamoDb.Clear();
        _sqs.Clear();

        await (await buyer.OrderAsync(showId, 2, idempotencyKey: Guid.NewGuid().ToString())).ReadAsync(HttpStatusCode.Accepted);

        // The GetItem is the order flow reading the show's price before it reserves; the key costs no extra call.
        Assert.Equal(["GetItem", "TransactWriteItems"], _dynamoDb.Calls);
        Assert.Equal(["SendMessage"], _sqs.Calls);
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

        Assert.Equal(["Query", "Query"], _dynamoDb.Calls);
    }
}
