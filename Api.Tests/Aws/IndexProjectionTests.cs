using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BoxOffice.Adapters.Aws.DynamoDb;
using BoxOffice.Core.Orders;
using static BoxOffice.Api.Tests.Contracts.StoreFixtures;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// GSI1 and GSI2 project only some attributes, and both also hold orders (a buyer's, a show's): whatever the order
/// queries read must be in their projection, and what every order changes on a show must not be.
/// </summary>
public sealed class IndexProjectionTests
{
    public static TheoryData<string> Indexes => [BoxOfficeTable.Gsi1, BoxOfficeTable.Gsi2];

    [Theory]
    [MemberData(nameof(Indexes))]
    public void An_order_read_from_the_index_is_the_order_in_full(string index)
    {
        var order = Order(Show(), quantity: 2) with
        {
            Status = OrderStatus.Cancelled,
            TicketCodes = ["AAAA-BBBB-CCCC", "DDDD-EEEE-FFFF"],
            DocumentKey = "tickets/x.pdf",
            CancelReason = "show cancelled",
        };

        var read = OrderItem.ToOrder(Entry(index, OrderItem.From(order)));

        Assert.Equal(order.TicketCodes, read.TicketCodes);
        Assert.Equal(order with { TicketCodes = [] }, read with { TicketCodes = [] });
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void A_show_entry_holds_nothing_that_an_order_changes(string index)
    {
        var show = Show();
        var sold = show with { SeatsAvailable = show.SeatsAvailable - 3 };

        Assert.Equal(Text(Entry(index, ShowItem.From(show))), Text(Entry(index, ShowItem.From(sold))));
    }

    /// <summary>What the index holds of <paramref name="item"/>: its keys, the index keys and the projected attributes.</summary>
    private static Dictionary<string, AttributeValue> Entry(string index, Dictionary<string, AttributeValue> item)
    {
        var definition = BoxOfficeTable.Definition("boxoffice").GlobalSecondaryIndexes.Single(i => i.IndexName == index);
        if (definition.Projection.ProjectionType == ProjectionType.ALL) return item;
        var kept = definition.KeySchema.Select(k => k.AttributeName).Concat([BoxOfficeTable.PK, BoxOfficeTable.SK])
            .Concat(definition.Projection.NonKeyAttributes ?? []).ToHashSet();
        return item.Where(a => kept.Contains(a.Key)).ToDictionary();
    }

    private static string Text(Dictionary<string, AttributeValue> entry) =>
        string.Join(';', entry.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.S ?? a.Value.N}"));
}
