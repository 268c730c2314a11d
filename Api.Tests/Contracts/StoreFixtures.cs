using BoxOffice.Core.Orders;
using BoxOffice.Core.Shows;

namespace BoxOffice.Api.Tests.Contracts;

/// <summary>Shows and orders for the store contracts; times are whole milliseconds, the precision every store keeps.</summary>
public static class StoreFixtures
{
    public static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public static Show Show(int capacity = 20, ShowStatus status = ShowStatus.OnSale, TimeSpan? startsIn = null, decimal price = 12.5m, string? id = null)
    {
        var now = Now();
        return new Show
        {
            ShowId = id ?? Guid.NewGuid().ToString("N"),
            Title = "Hamlet",
            Venue = "Globe Theatre",
            StartsAt = now + (startsIn ?? TimeSpan.FromDays(30)),
            Capacity = capacity,
            SeatsAvailable = capacity,
            Price = price,
            Status = status,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static Order Order(Show show, string userId = "user-1", int quantity = 1, DateTimeOffset? at = null)
    {
        var when = at ?? Now();
        return new Order
        {
            OrderId = Guid.NewGuid().ToString("N"),
            ShowId = show.ShowId,
            UserId = userId,
            HolderName = $"holder of {userId}",
            Quantity = quantity,
            UnitPrice = show.Price,
            Status = OrderStatus.Pending,
            CreatedAt = when,
            UpdatedAt = when,
        };
    }
}
