using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BoxOffice.Adapters.Aws.DynamoDb;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Paging;
using static BoxOffice.Api.Tests.Contracts.StoreFixtures;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// Seat changes stay off the listing partitions (<c>SHOWS#ONSALE</c> in GSI1, <c>SHOWS</c> in GSI2), which every show's
/// orders would otherwise share: measured with ReturnConsumedCapacity=INDEXES on DynamoDB Local (docs/dynamodb.md).
/// DynamoDB Local does not add a transaction's capacity up per item, so the show's part of each transaction the store
/// sent is measured again as a plain write of the same update.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbListingCapacityTests(DynamoDbLocal dynamoDb)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Placing_an_order_writes_nothing_to_the_listing_partitions()
    {
        var (client, table, shows, orders) = await CreateAsync();
        var show = Show(capacity: 50);
        await shows.CreateAsync(show, Ct);
        var listedBefore = await ListingEntriesAsync(client, table.Name, show.ShowId);

        client.Clear();
        var now = Now();
        var order = Order(show, quantity: 3);
        var placed = await orders.PlaceAsync(order, new IdempotencyRecord("user-1", "key-1", "hash", order.OrderId, now.AddHours(1)), now, Ct);
        Assert.Equal(OrderPlacementOutcome.Placed, placed.Outcome);

        var seats = await ReplayShowPartAsync(client, table.Name, show.ShowId);
        Assert.True(seats.Table?.CapacityUnits > 0, "the replayed seat change was measured");
        Assert.Equal(0, IndexUnits(seats, BoxOfficeTable.Gsi1));
        Assert.Equal(0, IndexUnits(seats, BoxOfficeTable.Gsi2));
        Assert.Equal(listedBefore, await ListingEntriesAsync(client, table.Name, show.ShowId));
    }

    [Fact]
    public async Task Giving_seats_back_writes_nothing_to_the_listing_partitions()
    {
        var (client, table, shows, orders) = await CreateAsync();
        var show = Show(capacity: 50);
        await shows.CreateAsync(show, Ct);
        var order = Order(show, quantity: 2);
        await orders.PlaceAsync(order, null, Now(), Ct);
        var listedBefore = await ListingEntriesAsync(client, table.Name, show.ShowId);

        client.Clear();
        Assert.Equal(CancelOrderOutcome.Cancelled, await orders.CancelAsync(order.OrderId, "changed plans", releaseSeats: true, Now(), Ct));

        var seats = await ReplayShowPartAsync(client, table.Name, show.ShowId);
        Assert.True(seats.Table?.CapacityUnits > 0, "the replayed seat change was measured");
        Assert.Equal(0, IndexUnits(seats, BoxOfficeTable.Gsi1));
        Assert.Equal(0, IndexUnits(seats, BoxOfficeTable.Gsi2));
        Assert.Equal(listedBefore, await ListingEntriesAsync(client, table.Name, show.ShowId));
    }

    [Fact]
    public async Task The_listings_show_the_seats_left_right_after_an_order_and_after_its_cancellation()
    {
        var (_, _, shows, orders) = await CreateAsync();
        var (sold, untouched) = (Show(capacity: 40, startsIn: TimeSpan.FromDays(3)), Show(capacity: 30, startsIn: TimeSpan.FromDays(4)));
        await shows.CreateAsync(sold, Ct);
        await shows.CreateAsync(untouched, Ct);
        var order = Order(sold, quantity: 4);

        await orders.PlaceAsync(order, null, Now(), Ct);
        Assert.Equal([(sold.ShowId, 36), (untouched.ShowId, 30)], await SeatsListedAsync(shows));

        await orders.CancelAsync(order.OrderId, "changed plans", releaseSeats: true, Now(), Ct);
        Assert.Equal([(sold.ShowId, 40), (untouched.ShowId, 30)], await SeatsListedAsync(shows));
    }

    private async Task<(CapacityRecordingClient Client, DynamoDbTable Table, DynamoDbShowStore Shows, DynamoDbOrderStore Orders)> CreateAsync()
    {
        var client = new CapacityRecordingClient(dynamoDb.Credentials, new AmazonDynamoDBConfig { ServiceURL = dynamoDb.Url.ToString(), AuthenticationRegion = DynamoDbLocal.Region });
        var table = await DynamoDbTables.CreateAsync(client);
        return (client, table, new DynamoDbShowStore(table, TimeProvider.System), new DynamoDbOrderStore(table));
    }

    /// <summary>Seats left per show, from the on-sale listing and from the list of every show: they must agree.</summary>
    private static async Task<List<(string, int)>> SeatsListedAsync(DynamoDbShowStore shows)
    {
        var onSale = (await shows.ListOnSaleAsync(new PageRequest(10, null), Ct)).Items.Select(s => (s.ShowId, s.SeatsAvailable)).ToList();
        var all = (await shows.ListAllAsync(new PageRequest(10, null), Ct)).Items.Select(s => (s.ShowId, s.SeatsAvailable)).ToList();
        Assert.Equal(onSale.OrderBy(s => s.ShowId), all.OrderBy(s => s.ShowId));
        return onSale;
    }

    /// <summary>
    /// The show's update out of the transaction the store sent, applied again alone with its capacity returned. Without
    /// its condition (which held once and need not hold twice), so with only the names and values the update uses.
    /// </summary>
    private static async Task<ConsumedCapacity> ReplayShowPartAsync(CapacityRecordingClient client, string tableName, string showId)
    {
        var transaction = Assert.Single(client.Records.Select(r => r.Request).OfType<TransactWriteItemsRequest>());
        var update = Assert.Single(transaction.TransactItems, i => i.Update?.Key[BoxOfficeTable.PK].S == ShowItem.Key(showId)[BoxOfficeTable.PK].S).Update;
        var used = Regex.Matches(update.UpdateExpression, @"[#:]\w+").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var replayed = await client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = update.Key,
            UpdateExpression = update.UpdateExpression,
            ExpressionAttributeNames = update.ExpressionAttributeNames.Where(n => used.Contains(n.Key)).ToDictionary(),
            ExpressionAttributeValues = update.ExpressionAttributeValues.Where(v => used.Contains(v.Key)).ToDictionary(),
        });
        return replayed.ConsumedCapacity;
    }

    private static double IndexUnits(ConsumedCapacity used, string index) =>
        used.GlobalSecondaryIndexes is { } indexes && indexes.TryGetValue(index, out var units) ? units.CapacityUnits ?? 0 : 0;

    /// <summary>The show's entries in the listing partitions, as text: what the indexes hold of it.</summary>
    private static async Task<List<string>> ListingEntriesAsync(IAmazonDynamoDB client, string tableName, string showId)
    {
        var entries = new List<string>();
        foreach (var (index, key, partition) in new[] { (BoxOfficeTable.Gsi1, BoxOfficeTable.Gsi1PK, ShowItem.OnSalePartition), (BoxOfficeTable.Gsi2, BoxOfficeTable.Gsi2PK, ShowItem.AllPartition) })
        {
            var found = await client.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                IndexName = index,
                KeyConditionExpression = "#pk = :pk",
                ExpressionAttributeNames = new() { ["#pk"] = key },
                ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = partition } },
            });
            var entry = Assert.Single(found.Items, i => i["ShowId"].S == showId);
            entries.Add(index + " " + string.Join(';', entry.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.S ?? a.Value.N}")));
        }
        return entries;
    }
}
