using BoxOffice.Api.Tests.Contracts;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Shows;

namespace BoxOffice.Api.Tests.Orders;

/// <summary>The order rules the stores and the use cases share, on the domain types alone.</summary>
public sealed class OrderRulesTests
{
    private static readonly DateTimeOffset Now = StoreFixtures.Now();

    [Fact]
    public void An_order_is_refused_for_the_first_reason_that_applies()
    {
        var show = StoreFixtures.Show(capacity: 5, price: 20m);
        var order = StoreFixtures.Order(show, quantity: 3);

        Assert.Null(order.RefusalFor(show, Now));
        Assert.Equal(OrderPlacementOutcome.ShowNotFound, order.RefusalFor(null, Now));
        Assert.Equal(OrderPlacementOutcome.NotOnSale, order.RefusalFor(show with { Status = ShowStatus.OffSale }, Now));
        Assert.Equal(OrderPlacementOutcome.NotOnSale, order.RefusalFor(show with { Status = ShowStatus.Cancelled, SeatsAvailable = 0 }, Now));
        Assert.Equal(OrderPlacementOutcome.NotOnSale, order.RefusalFor(show, show.StartsAt));
        Assert.Equal(OrderPlacementOutcome.PriceChanged, order.RefusalFor(show with { Price = 21m, SeatsAvailable = 1 }, Now));
        Assert.Equal(OrderPlacementOutcome.SeatsShort, order.RefusalFor(show with { SeatsAvailable = 2 }, Now));
        Assert.Null(order.RefusalFor(show with { SeatsAvailable = 3 }, show.StartsAt.AddTicks(-1)));
    }

    [Fact]
    public void An_order_may_be_cancelled_until_its_show_starts()
    {
        var show = StoreFixtures.Show();
        var order = StoreFixtures.Order(show);

        Assert.Null(order.CancellationRefusalFor(show, show.StartsAt.AddTicks(-1)));
        Assert.Equal(CancelOrderOutcome.ShowStarted, order.CancellationRefusalFor(show, show.StartsAt));
        Assert.Null(order.CancellationRefusalFor(null, show.StartsAt.AddDays(1)));
    }

    [Theory]
    [InlineData(10, 6, 4, 4)] // all the seats come back
    [InlineData(10, 8, 4, 2)] // up to the capacity only
    [InlineData(10, 10, 4, 0)]
    [InlineData(10, 11, 4, 0)] // a counter past the capacity gives nothing back, and takes nothing either
    public void A_cancellation_gives_back_its_seats_but_never_more_than_were_sold(int capacity, int available, int quantity, int returned)
    {
        var show = StoreFixtures.Show(capacity: capacity) with { SeatsAvailable = available };

        Assert.Equal(returned, show.SeatsReturnedBy(quantity));
    }

    [Fact]
    public void Only_a_show_that_is_not_cancelled_takes_seats_back()
    {
        Assert.True(StoreFixtures.Show().TakesSeatsBack);
        Assert.True(StoreFixtures.Show(status: ShowStatus.OffSale).TakesSeatsBack);
        Assert.False(StoreFixtures.Show(status: ShowStatus.Cancelled).TakesSeatsBack);
    }

    [Fact]
    public void An_idempotency_record_expires_at_its_expiry_instant()
    {
        var record = new IdempotencyRecord("user-1", "key-1", "hash", "order-1", Now);

        Assert.False(record.IsExpiredAt(Now.AddTicks(-1)));
        Assert.True(record.IsExpiredAt(Now));
        Assert.True(record.IsExpiredAt(Now.AddTicks(1)));
    }
}
