using System.Net;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Queue;
using BoxOffice.Worker.Orders;
using BoxOffice.Worker.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Jobs;

public class JobDeliveryTests
{
    private static readonly Dictionary<string, string?> NoInProcessWorker = new() { ["BoxOffice:Queue:ProcessInApi"] = "false" };

    [Fact]
    public async Task A_redelivered_order_job_issues_one_set_of_tickets()
    {
        await using var app = BoxOfficeApp.With(null, NoInProcessWorker);
        var showId = (await (await app.AdminAsync()).CreateShowAsync()).Str("showId");
        var buyer = await app.ClientForAsync("twice");
        var orderId = (await (await buyer.OrderAsync(showId, 2)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");

        var handler = app.Services.GetServices<IJobHandler>().Single(h => h.JobType == JobTypes.OrderPlaced);
        var message = new JobMessage(JobTypes.OrderPlaced, $"{{\"orderId\":\"{orderId}\"}}", "corr-1");
        await Task.WhenAll(handler.HandleAsync(message, default), handler.HandleAsync(message, default));
        var first = await app.Services.GetRequiredService<IOrderStore>().GetAsync(orderId, default);
        await handler.HandleAsync(message, default);
        var second = await app.Services.GetRequiredService<IOrderStore>().GetAsync(orderId, default);

        Assert.Equal(OrderStatus.Confirmed, second!.Status);
        Assert.Equal(TicketCodes.For(orderId, 2), second.TicketCodes);
        Assert.Equal(first!.TicketCodes, second.TicketCodes);
        Assert.Equal(first.UpdatedAt, second.UpdatedAt);
        Assert.Equal(OrderPlacedHandler.DocumentKeyOf(orderId), second.DocumentKey);
        var ticketFiles = Directory.GetFiles(Path.Combine(app.DataPath, "files", "tickets"), "*.pdf");
        Assert.Single(ticketFiles);
    }

    [Fact]
    public async Task A_poison_job_is_dead_lettered_after_max_receives_while_others_flow()
    {
        await using var app = new BoxOfficeApp();
        var queue = app.Services.GetRequiredService<IJobQueue>();
        await queue.SendAsync(new JobMessage("test.poison", "{}", "poison-corr"), default);

        var showId = (await (await app.AdminAsync()).CreateShowAsync()).Str("showId");
        var buyer = await app.ClientForAsync("flow");
        var orderId = (await (await buyer.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        await ApiCalls.EventuallyAsync(() => buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Confirmed", TimeSpan.FromSeconds(5));

        var admin = await app.AdminAsync();
        var letters = await DeadLettersOnceTimeoutsPassAsync(app, admin);
        var letter = letters[0];
        Assert.Equal("test.poison", letter.Str("type"));
        Assert.Equal("poison-corr", letter.Str("correlationId"));
        Assert.Equal(3, letter.GetProperty("receiveCount").GetInt32());

        var redriven = await (await admin.PostAsync("/admin/dead-letters/redrive", null)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(1, redriven.GetProperty("redriven").GetInt32());
        Assert.Equal(0, (await admin.GetJsonAsync("/admin/dead-letters")).GetArrayLength());
        // still poison: it comes back to the dead letters after another max receives
        await DeadLettersOnceTimeoutsPassAsync(app, admin);
    }

    /// <summary>Moves the app's clock past one visibility timeout at a time until a job is dead-lettered.</summary>
    private static Task<System.Text.Json.JsonElement> DeadLettersOnceTimeoutsPassAsync(BoxOfficeApp app, HttpClient admin) =>
        ApiCalls.EventuallyAsync(
            async () =>
            {
                app.Clock.Advance(BoxOfficeApp.VisibilityTimeout);
                return await admin.GetJsonAsync("/admin/dead-letters");
            },
            l => l.GetArrayLength() == 1, TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Jobs_queued_before_a_restart_are_done_after_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "boxoffice-tests", Guid.NewGuid().ToString("N"));
        var orderIds = new List<string>();
        try
        {
            string token;
            await using (var before = BoxOfficeApp.With(folder, NoInProcessWorker))
            {
                var showId = (await (await before.AdminAsync()).CreateShowAsync()).Str("showId");
                var buyer = await before.ClientForAsync("patient");
                token = buyer.DefaultRequestHeaders.Authorization!.Parameter!;
                for (var i = 0; i < 3; i++) orderIds.Add((await (await buyer.OrderAsync(showId, 1)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId"));
                Assert.Equal(3, await before.Services.GetRequiredService<IJobQueue>().DepthAsync(default));
            }

            await using var after = BoxOfficeApp.With(folder);
            var client = after.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token); // the signing key survived the restart too
            foreach (var orderId in orderIds)
                await ApiCalls.EventuallyAsync(() => client.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Confirmed");
            await ApiCalls.EventuallyAsync(() => after.Services.GetRequiredService<IJobQueue>().DepthAsync(default), d => d == 0);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_request_id_travels_into_the_job_and_its_log_lines()
    {
        await using var app = BoxOfficeApp.WithInformationLogs();
        var showId = (await (await app.AdminAsync()).CreateShowAsync()).Str("showId");
        var buyer = await app.ClientForAsync("traced");
        var requestId = "trace-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/shows/{showId}/orders") { Content = System.Net.Http.Json.JsonContent.Create(new { quantity = 1 }) };
        request.Headers.Add("X-Request-Id", requestId);
        var response = await buyer.SendAsync(request);
        var orderId = (await response.ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        Assert.Equal(requestId, response.Headers.GetValues("X-Request-Id").Single());
        await ApiCalls.EventuallyAsync(() => buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Confirmed");

        var requestLine = Assert.Single(app.Logs.Entries, e => e.Message.StartsWith("HTTP POST /shows/{showId:id}/orders", StringComparison.Ordinal) && Equals(e.Properties.GetValueOrDefault("RequestId"), requestId));
        Assert.Equal(202, requestLine.Properties["StatusCode"]);
        Assert.IsType<double>(requestLine.Properties["Elapsed"]);
        var workerLines = app.Logs.Entries.Where(e => e.Category.StartsWith("BoxOffice.Worker", StringComparison.Ordinal) && e.Message.Contains(orderId, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(workerLines);
        Assert.All(workerLines, e => Assert.Equal(requestId, e.Properties.GetValueOrDefault("CorrelationId")));
        // The dispatcher writes its line once the handler returns, so it may land just after the order reads Confirmed.
        bool IsDone(CapturedLog e) => e.Category == typeof(JobDispatcher).FullName && Equals(e.Properties.GetValueOrDefault("CorrelationId"), requestId);
        await ApiCalls.EventuallyAsync(() => Task.FromResult(app.Logs.Entries.Any(IsDone)), any => any, TimeSpan.FromSeconds(5));
        var done = Assert.Single(app.Logs.Entries, IsDone);
        Assert.Contains(" done in ", done.Message, StringComparison.Ordinal);
        Assert.IsType<double>(done.Properties["ElapsedMs"]);
    }
}
