using System.Text.RegularExpressions;
using BoxOffice.Worker.Tickets;

namespace BoxOffice.Api.Tests.Tickets;

public sealed partial class TicketCodesTests
{
    [Fact]
    public void Same_order_id_gives_the_same_codes()
    {
        var first = TicketCodes.For("01JD8ZQ4K3M2N5P7R9S0T1V2W3", 4);
        var again = TicketCodes.For("01JD8ZQ4K3M2N5P7R9S0T1V2W3", 4);

        Assert.Equal(first, again);
    }

    [Fact]
    public void Codes_are_pinned_so_a_redelivery_after_a_deploy_issues_the_same_tickets()
    {
        // Changing the derivation would give an order confirmed before a deploy new codes on redelivery after it.
        Assert.Equal(["1YK7-K2BX-1T59", "CM4M-7BRW-8R7E"], TicketCodes.For("01JD8ZQ4K3M2N5P7R9S0T1V2W3", 2));
    }

    [Fact]
    public void A_code_depends_only_on_its_index_not_on_the_quantity()
    {
        Assert.Equal(TicketCodes.For("order-7", 2), TicketCodes.For("order-7", 5).Take(2));
    }

    [Fact]
    public void Codes_are_twelve_crockford_characters_in_three_groups()
    {
        foreach (var code in TicketCodes.For("order-format", TicketCodes.MaxQuantity))
        {
            Assert.Matches(CrockfordGroups(), code);
        }
    }

    [Fact]
    public void Codes_are_unique_within_and_across_orders()
    {
        var codes = Enumerable.Range(0, 2_000).SelectMany(i => TicketCodes.For($"order-{i}", 10)).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Order_id_and_index_cannot_run_into_each_other()
    {
        // "a1" + index 2 and "a" + index 12 must not hash the same input.
        Assert.NotEqual(TicketCodes.For("a1", 3)[2], TicketCodes.For("a", 13)[12]);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData(" ", 1)]
    [InlineData("order", 0)]
    [InlineData("order", TicketCodes.MaxQuantity + 1)]
    public void Rejects_a_blank_order_id_or_a_quantity_out_of_range(string orderId, int quantity)
    {
        Assert.ThrowsAny<ArgumentException>(() => TicketCodes.For(orderId, quantity));
    }

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex CrockfordGroups();
}
