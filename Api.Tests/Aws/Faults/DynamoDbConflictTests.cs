using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BoxOffice.Adapters.Aws.DynamoDb;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Posters;
using static BoxOffice.Api.Tests.Contracts.StoreFixtures;

namespace BoxOffice.Api.Tests.Aws.Faults;

/// <summary>
/// The writes the Worker makes on the hot show and order items, meeting transactions in flight (DynamoDB Local never
/// conflicts, so the conflicts are injected): retried a bounded number of times, then thrown for redelivery.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbConflictTests(DynamoDbLocal dynamoDb) : IAsyncLifetime
{
    private const int ConflictAttempts = 6;
    private readonly AwsFaults _faults = new();
    private DynamoDbShowStore _shows = null!;
    private DynamoDbOrderStore _orders = null!;

    public async Task InitializeAsync()
    {
        var client = new AmazonDynamoDBClient(dynamoDb.Credentials, new AmazonDynamoDBConfig
        {
            ServiceURL = dynamoDb.Url.ToString(),
            AuthenticationRegion = DynamoDbLocal.Region,
            HttpClientFactory = _faults,
        });
        var table = await DynamoDbTables.CreateAsync(client);
        (_shows, _orders) = (new DynamoDbShowStore(table, TimeProvider.System), new DynamoDbOrderStore(table));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Poster_state_is_written_after_a_few_conflicts_and_a_lasting_conflict_is_thrown()
    {
        var show = Show();
        await _shows.CreateAsync(show, default);
        _faults.Inject("UpdateItem", AwsFault.Error("TransactionConflictException"), times: 2);

        var pending = Poster.None.Upload("uploads/s/a");
        Assert.True(await _shows.SetPosterAsync(show.ShowId, Poster.None, pending, default));
        Assert.Equal(3, _faults.Attempts("UpdateItem"));

        _faults.Inject("UpdateItem", AwsFault.Error("TransactionConflictException"));
        await Assert.ThrowsAsync<TransactionConflictException>(() => _shows.SetPosterAsync(show.ShowId, pending, pending.Reject("uploads/s/a", "No."), default));
        Assert.Equal(3 + ConflictAttempts, _faults.Attempts("UpdateItem"));
        Assert.Equal(PosterStatus.Pending, (await _shows.GetAsync(show.ShowId, default))!.Poster.Status);
    }

    [Fact]
    public async Task Confirming_an_order_while_its_show_is_in_another_transaction_is_retried()
    {
        var show = Show(capacity: 10);
        await _shows.CreateAsync(show, default);
        var order = Order(show, quantity: 2);
        await _orders.PlaceAsync(order, null, Now(), default);
        _faults.Inject("TransactWriteItems", AwsFault.TransactionCanceled("None", "TransactionConflict"), times: 3);

        Assert.Equal(ConfirmOrderOutcome.Confirmed, await _orders.ConfirmAsync(order.OrderId, show.ShowId, ["T-1", "T-2"], "tickets/a.pdf", Now(), default));

        Assert.Equal(1 + 3 + 1, _faults.Attempts("TransactWriteItems")); // the placement, three conflicts, the confirmation
        Assert.Equal(OrderStatus.Confirmed, (await _orders.GetAsync(order.OrderId, default))!.Status);
        Assert.Equal(8, (await _shows.GetAsync(show.ShowId, default))!.SeatsAvailable);
    }
}
