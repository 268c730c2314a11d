using System.Net;
using Amazon.Runtime;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Worker.Reports;
using BoxOffice.Worker.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Aws.Faults;

/// <summary>
/// The Worker in the AWS shape with faults under its SDK clients (the Api's are clean): a job whose dependency fails
/// past the SDK's retries is left on the queue, not half done, and its redelivery completes it once.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class WorkerFaultTests(MotoServer moto, DynamoDbLocal dynamoDb) : IAsyncLifetime
{
    private const int SdkAttempts = 4;
    private const int ConflictAttempts = 6;
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(30);
    private readonly AwsFaults _faults = new();
    private AwsBoxOfficeApp _app = null!;
    private HttpClient _admin = null!;
    private HttpClient _buyer = null!;

    public async Task InitializeAsync()
    {
        _app = new AwsBoxOfficeApp(await AwsStack.CreateAsync(moto, dynamoDb));
        _admin = await _app.SignedInAsync(AwsStack.Admin);
        _buyer = await _app.SignedInAsync(AwsStack.Buyer);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("PutObject", HttpStatusCode.ServiceUnavailable)]
    [InlineData("PutObject", HttpStatusCode.InternalServerError)]
    [InlineData("TransactWriteItems", HttpStatusCode.InternalServerError)]
    public async Task A_ticket_job_whose_dependency_fails_past_the_retries_is_redelivered_and_confirms_once(string operation, HttpStatusCode status)
    {
        var showId = (await _admin.CreateShowAsync(capacity: 10)).Str("showId");
        var orderId = (await (await _buyer.OrderAsync(showId, 3)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        _faults.Inject(operation, AwsFault.ServerError(status), times: SdkAttempts); // one whole call, retries included

        await using (await _app.StartWorkerAsync(services => services.AddSingleton<HttpClientFactory>(_faults)))
        {
            var order = await ApiCalls.EventuallyAsync(() => _buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Confirmed", JobTimeout);
            Assert.Equal(TicketCodes.For(orderId, 3), order.GetProperty("tickets").EnumerateArray().Select(t => t.GetString()));
        }

        Assert.Equal(SdkAttempts + 1, _faults.Attempts(operation)); // the failed delivery's call, then the redelivery's
        Assert.Equal(7, (await _app.CreateClient().GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());
        Assert.Equal(0, (await _admin.GetJsonAsync("/admin/dead-letters")).GetArrayLength());
    }

    /// <summary>The Worker knows the queue's max receive count (BoxOffice:Queue:MaxReceives, set from the same template parameter).</summary>
    [Fact]
    public async Task A_report_whose_job_fails_on_its_last_receive_ends_Failed_with_a_reason()
    {
        var location = (await _admin.PostAsync("/reports/sales", null)).Headers.Location!.OriginalString;
        _faults.Inject("PutObject", AwsFault.ServerError(HttpStatusCode.ServiceUnavailable));

        await using (await _app.StartWorkerAsync(services => services.AddSingleton<HttpClientFactory>(_faults)))
        {
            var report = await ApiCalls.EventuallyAsync(() => _admin.GetJsonAsync(location), r => r.Str("status") != "Pending", JobTimeout);
            Assert.Equal(("Failed", SalesReportHandler.FailureReason(AwsStack.MaxReceives)), (report.Str("status"), report.Str("error")));
        }
        Assert.Equal(AwsStack.MaxReceives * SdkAttempts, _faults.Attempts("PutObject"));
    }

    [Fact]
    public async Task A_show_cancellation_that_keeps_meeting_transactions_is_redelivered_and_cancels_each_order_once()
    {
        var showId = (await _admin.CreateShowAsync(capacity: 10)).Str("showId");
        var orderIds = new List<string>();
        for (var i = 0; i < 3; i++) orderIds.Add((await (await _buyer.OrderAsync(showId, 2)).ReadAsync(HttpStatusCode.Accepted)).Str("orderId"));
        await (await _admin.DeleteAsync($"/shows/{showId}")).ReadAsync(HttpStatusCode.Accepted);
        // The first order's cancellation meets transactions until the adapter gives up: the job fails half way.
        _faults.Inject("UpdateItem", AwsFault.Error("TransactionConflictException"), times: ConflictAttempts);

        await using (await _app.StartWorkerAsync(services => services.AddSingleton<HttpClientFactory>(_faults)))
        {
            foreach (var orderId in orderIds)
                await ApiCalls.EventuallyAsync(() => _buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Cancelled", JobTimeout);
        }

        Assert.Equal(ConflictAttempts + orderIds.Count, _faults.Attempts("UpdateItem"));
        var orders = await _buyer.GetJsonAsync("/orders");
        Assert.All(orders.GetProperty("items").EnumerateArray(), o => Assert.Equal("show cancelled", o.GetProperty("cancelReason").GetString()));
        // A cancelled show takes no seat back: the 6 sold stay counted, once.
        Assert.Equal(4, (await _app.CreateClient().GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());
        Assert.Equal(0, (await _admin.GetJsonAsync("/admin/dead-letters")).GetArrayLength());
    }
}
