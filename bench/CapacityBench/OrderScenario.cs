using System.Security.Cryptography;
using BoxOffice.Adapters.Aws.DynamoDb;
using BoxOffice.Api.Tests.Aws;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Shows;

namespace BoxOffice.Bench;

/// <summary>
/// The order path as the AWS shape runs it, through the real stores: the Api places each order (one transaction: the
/// show's seats, the order, its idempotency record), then the Worker reads the order and its show and confirms the
/// order. Orders go round the shows; buyers repeat, as they do. One on-sale listing page is read at the end.
/// </summary>
internal sealed class OrderScenario(CapacityRecordingClient client, CapacityLedger ledger, PartitionLabels labels, string tableName)
{
    private const int Buyers = 50;
    private const int Capacity = 10_000;

    public async Task<ScenarioResult> RunAsync(int orderCount, int showCount)
    {
        var table = new DynamoDbTable(client, tableName, new CursorCodec(RandomNumberGenerator.GetBytes(32)));
        var shows = new DynamoDbShowStore(table, TimeProvider.System);
        var orders = new DynamoDbOrderStore(table);
        var now = DateTimeOffset.UtcNow;

        ledger.Step = "create show";
        var showIds = new List<string>();
        for (var i = 0; i < showCount; i++)
        {
            var show = NewShow(i, now);
            if (!await shows.CreateAsync(show, default)) throw new InvalidOperationException("A bench show already exists.");
            showIds.Add(labels.Show(show.ShowId));
        }
        var buyers = Enumerable.Range(1, Buyers).Select(_ => labels.User(Guid.NewGuid().ToString())).ToList();

        var placed = new List<OrderLoad>();
        for (var i = 0; i < orderCount; i++)
        {
            var (showId, userId, quantity) = (showIds[i % showCount], buyers[i % Buyers], 1 + i % 4);
            var mark = ledger.Calls.Count;

            ledger.Step = "place";
            var order = NewOrder(labels.Order(Guid.NewGuid().ToString("N")), showId, userId, i, quantity, now);
            var key = new IdempotencyRecord(userId, labels.Key(Guid.NewGuid().ToString()), OrderPlacement.RequestHash(showId, quantity), order.OrderId, now + OrderPlacement.KeyLifetime);
            var result = await orders.PlaceAsync(order, key, now, default);
            if (result.Outcome != OrderPlacementOutcome.Placed) throw new InvalidOperationException($"Order {i + 1} was not placed: {result.Outcome}.");

            ledger.Step = "worker";
            _ = await orders.GetAsync(order.OrderId, default) ?? throw new InvalidOperationException("The placed order is missing.");
            _ = await shows.GetAsync(showId, default) ?? throw new InvalidOperationException("The order's show is missing.");
            if (!await orders.ConfirmAsync(order.OrderId, TicketCodes(quantity), $"tickets/{order.OrderId}.pdf", DateTimeOffset.UtcNow, default))
                throw new InvalidOperationException($"Order {i + 1} was not confirmed.");

            placed.Add(new OrderLoad(i + 1, i % showCount + 1, quantity, ledger.Since(mark)));
        }

        ledger.Step = "listing";
        var listingMark = ledger.Calls.Count;
        var page = await shows.ListOnSaleAsync(new PageRequest(PageRequest.DefaultLimit, null), default);
        var expected = placed.GroupBy(o => showIds[o.Show - 1]).ToDictionary(g => g.Key, g => Capacity - g.Sum(o => o.Quantity));
        if (page.Items.Any(s => s.SeatsAvailable != expected.GetValueOrDefault(s.ShowId, Capacity)))
            throw new InvalidOperationException("The on-sale listing shows wrong seats left.");

        return new ScenarioResult(placed, ledger.Since(listingMark), page.Items.Count, ledger.Calls.Where(c => c.Mismatch is not null).ToList(), ledger.Calls.Count);
    }

    private static Show NewShow(int index, DateTimeOffset now) => new()
    {
        ShowId = Guid.NewGuid().ToString("N"),
        Title = $"Bench night {index + 1:00}: an evening of music",
        Venue = "Main hall, 1 Station Road",
        StartsAt = now.AddDays(30).AddHours(index),
        Capacity = Capacity,
        SeatsAvailable = Capacity,
        Price = 42.50m,
        Status = ShowStatus.OnSale,
        Version = 1,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static Order NewOrder(string orderId, string showId, string userId, int index, int quantity, DateTimeOffset now) => new()
    {
        OrderId = orderId,
        ShowId = showId,
        UserId = userId,
        HolderName = $"buyer{index % Buyers + 1:000}",
        Quantity = quantity,
        UnitPrice = 42.50m,
        Status = OrderStatus.Pending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Codes of the Worker's shape (<c>XXXX-XXXX-XXXX</c>); their value does not change the capacity.</summary>
    private static string[] TicketCodes(int quantity) =>
        [.. Enumerable.Range(0, quantity).Select(_ => string.Join('-', Enumerable.Range(0, 3).Select(_ => RandomNumberGenerator.GetHexString(4))))];
}
