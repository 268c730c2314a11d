using System.Net;
using System.Text.RegularExpressions;
using BoxOffice.Api.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BoxOffice.Api.Tests.Browser;

/// <summary>Buyers in a real browser: browse, sign in, buy, watch the order confirm, QR codes, PDF, cancel.</summary>
public sealed class BuyerTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_buyer_signs_in_buys_two_tickets_and_gets_them_with_qr_codes_and_the_pdf()
    {
        var admin = await Server.ApiClientAsync("ada-admin", "admin");
        var show = await admin.CreateShowAsync(capacity: 120, price: 32.5m, title: "Twelfth Night");
        var showId = show.Str("showId");

        await Page.GotoAsync("/");
        var card = Main.Locator("li.card", new() { HasText = "Twelfth Night" });
        await Expect(card).ToContainTextAsync("Globe Theatre");
        await Expect(card).ToContainTextAsync("120 seats left");

        await card.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Server.Url($"/show/{showId}"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Twelfth Night", Level = 1 })).ToBeVisibleAsync();

        await SignInAsync(Page, "bea");
        await Expect(Page).ToHaveURLAsync(Server.Url($"/show/{showId}")); // back where the sign-in started
        await Page.GetByLabel("Tickets", new() { Exact = true }).SelectOptionAsync("2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Buy tickets" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/my-orders/[0-9a-f]+$"));
        await Expect(Main.Locator(".badge", new() { HasText = "Confirmed" })).ToBeVisibleAsync();
        var tickets = Main.Locator(".ticket");
        await Expect(tickets).ToHaveCountAsync(2);
        await Expect(tickets.Locator("svg[role=img]")).ToHaveCountAsync(2);
        var orderId = Page.Url.Split('/').Last();
        var order = await (await Server.ApiClientAsync("bea")).GetJsonAsync($"/orders/{orderId}");
        foreach (var code in order.GetProperty("tickets").EnumerateArray()) await Expect(Main).ToContainTextAsync(code.GetString()!);

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Download tickets (PDF)" }).ClickAsync());
        var path = await download.PathAsync();
        var pdf = await File.ReadAllBytesAsync(path!);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
    }

    [Fact]
    public async Task Double_clicking_buy_places_one_order()
    {
        var admin = await Server.ApiClientAsync("ada-admin", "admin");
        var showId = (await admin.CreateShowAsync(capacity: 50, title: "The Tempest")).Str("showId");
        await Page.GotoAsync($"/show/{showId}");
        await SignInAsync(Page, "dot");
        await Page.GetByLabel("Tickets", new() { Exact = true }).SelectOptionAsync("3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Buy tickets" }).DblClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/my-orders/[0-9a-f]+$"));

        var orders = await (await Server.ApiClientAsync("dot")).GetJsonAsync("/orders");
        Assert.Equal(1, orders.GetProperty("items").GetArrayLength());
        Assert.Equal(47, (await admin.GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());
    }

    [Fact]
    public async Task Seats_sold_while_the_page_was_open_are_explained_in_plain_words()
    {
        var admin = await Server.ApiClientAsync("ada-admin", "admin");
        var showId = (await admin.CreateShowAsync(capacity: 2, title: "Macbeth")).Str("showId");
        await Page.GotoAsync($"/show/{showId}");
        await SignInAsync(Page, "eve");
        await Page.GetByLabel("Tickets", new() { Exact = true }).SelectOptionAsync("2");

        var other = await Server.ApiClientAsync("someone-faster");
        (await other.OrderAsync(showId, 2)).EnsureSuccessStatusCode();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Buy tickets" }).ClickAsync();

        var error = Main.Locator(".field-error");
        await Expect(error).ToHaveTextAsync("Sorry, there are not enough seats left for that many tickets.");
        await Expect(Page.GetByLabel("Tickets", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Main.Locator(".facts .badge")).ToHaveTextAsync("Sold out");
        await Expect(Main).Not.ToContainTextAsync("{");
        await Page.GotoAsync("/");
        await Expect(Main.Locator("li.card", new() { HasText = "Macbeth" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_buyer_cancels_an_order_after_confirming()
    {
        var admin = await Server.ApiClientAsync("ada-admin", "admin");
        var showId = (await admin.CreateShowAsync(capacity: 10, title: "Othello")).Str("showId");
        var buyer = await Server.ApiClientAsync("fin");
        var placed = await (await buyer.OrderAsync(showId, 4)).ReadAsync(HttpStatusCode.Accepted);

        await Page.GotoAsync("/");
        await SignInAsync(Page, "fin");
        await Page.GetByRole(AriaRole.Link, new() { Name = "My orders" }).ClickAsync();
        var row = Main.Locator("li", new() { HasText = "Othello" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("4 tickets for Othello");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(row.Locator(".badge")).Not.ToHaveTextAsync("Cancelled");

        await row.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel order" }).ClickAsync();
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Cancelled");
        var order = await buyer.GetJsonAsync($"/orders/{placed.Str("orderId")}");
        Assert.Equal("Cancelled", order.Str("status"));
        Assert.Equal(10, (await admin.GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());
    }

    [Fact]
    public async Task A_hostile_title_is_shown_as_text()
    {
        const string title = "<img src=x onerror=alert(1)>";
        var admin = await Server.ApiClientAsync("ada-admin", "admin");
        var showId = (await admin.CreateShowAsync(title: title)).Str("showId");

        await Page.GotoAsync("/");
        await Expect(Main.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await Page.GotoAsync($"/show/{showId}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToHaveTextAsync(title);
        Assert.Equal(0, await Page.Locator("img[src=x]").CountAsync());
        Assert.Equal($"{title} · Box office", await Page.TitleAsync());
    }

    [Fact]
    public async Task Browsing_pages_through_the_shows_with_the_cursor()
    {
        var admin = await Server.ApiClientAsync("ada-admin", "admin");
        for (var i = 0; i < 13; i++) await admin.CreateShowAsync(title: $"Paging show {i:00}", startsIn: TimeSpan.FromDays(400 + i));
        await Page.GotoAsync("/");
        await Expect(Main.Locator("li.card")).Not.ToHaveCountAsync(0);
        var before = await Main.Locator("li.card").CountAsync();
        await Main.GetByRole(AriaRole.Button, new() { Name = "Show more" }).ClickAsync();
        await Expect(Main.Locator("li.card")).Not.ToHaveCountAsync(before);
        while (await Main.GetByRole(AriaRole.Button, new() { Name = "Show more" }).CountAsync() > 0)
        {
            var count = await Main.Locator("li.card").CountAsync();
            await Main.GetByRole(AriaRole.Button, new() { Name = "Show more" }).ClickAsync();
            await Expect(Main.Locator("li.card")).Not.ToHaveCountAsync(count);
        }
        await Expect(Main.Locator("li.card", new() { HasText = "Paging show 12" })).ToHaveCountAsync(1);
    }
}
