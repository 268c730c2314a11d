using Amazon.DynamoDBv2.Model;
using BoxOffice.Core.Orders;
using static BoxOffice.Adapters.Aws.DynamoDb.DynamoDbAttributes;

namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>
/// An order: <c>PK = ORDER#{id}</c>, <c>SK = ORDER</c>; in GSI1 under <c>USER#{userId}</c> and in GSI2 under
/// <c>SHOW#{showId}</c>, both sorted by <c>{createdAt}#{id}</c> (read newest first for a user, oldest first for a show); while Pending also in
/// GSI3 (<see cref="PendingOrderIndex"/>).
/// </summary>
internal static class OrderItem
{
    public static Dictionary<string, AttributeValue> Key(string orderId) => new()
    {
        [BoxOfficeTable.PK] = Str("ORDER#" + orderId),
        [BoxOfficeTable.SK] = Str("ORDER"),
    };

    public static string UserPartition(string userId) => "USER#" + userId;

    public static string ShowPartition(string showId) => "SHOW#" + showId;

    public static Dictionary<string, AttributeValue> From(Order order)
    {
        var item = Key(order.OrderId);
        var sort = $"{Format(order.CreatedAt)}#{order.OrderId}";
        item["Type"] = Str("Order");
        item["OrderId"] = Str(order.OrderId);
        item["ShowId"] = Str(order.ShowId);
        item["UserId"] = Str(order.UserId);
        if (order.HolderName is not null) item["HolderName"] = Str(order.HolderName);
        item["Quantity"] = Num(order.Quantity);
        item["UnitPrice"] = Num(order.UnitPrice);
        item["Status"] = Str(order.Status.ToString());
        item["TicketCodes"] = List(order.TicketCodes);
        if (order.DocumentKey is not null) item["DocumentKey"] = Str(order.DocumentKey);
        if (order.CancelReason is not null) item["CancelReason"] = Str(order.CancelReason);
        item["CreatedAt"] = Time(order.CreatedAt);
        item["UpdatedAt"] = Time(order.UpdatedAt);
        item[BoxOfficeTable.Gsi1PK] = Str(UserPartition(order.UserId));
        item[BoxOfficeTable.Gsi1SK] = Str(sort);
        item[BoxOfficeTable.Gsi2PK] = Str(ShowPartition(order.ShowId));
        item[BoxOfficeTable.Gsi2SK] = Str(sort);
        if (order.Status == OrderStatus.Pending) PendingOrderIndex.AddTo(item, order.OrderId, order.CreatedAt);
        return item;
    }

    public static Order ToOrder(Dictionary<string, AttributeValue> item) => new()
    {
        OrderId = item.String("OrderId"),
        ShowId = item.String("ShowId"),
        UserId = item.String("UserId"),
        HolderName = item.OptionalString("HolderName"),
        Quantity = item.Int("Quantity"),
        UnitPrice = item.Decimal("UnitPrice"),
        Status = item.Enum<OrderStatus>("Status"),
        TicketCodes = item.Strings("TicketCodes"),
        DocumentKey = item.OptionalString("DocumentKey"),
        CancelReason = item.OptionalString("CancelReason"),
        CreatedAt = item.Time("CreatedAt"),
        UpdatedAt = item.Time("UpdatedAt"),
    };
}
