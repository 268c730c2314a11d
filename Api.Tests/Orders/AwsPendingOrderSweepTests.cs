using Microsoft.Extensions.Time.Testing;
using System.Net;
using Amazon.Runtime;
using BoxOffice.Api.Tests.Aws;
using BoxOffice.Api.Tests.Aws.Faults;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Orders;

/// <summary>
/// Nothing held forever, AWS shape (DynamoDB Local, moto): the order's transaction commits but every answer to it is
/// lost, so the client gets 503 and no job is sent. The sweep finds the order through GSI3 and sends its job again;
/// left Pending past the maximum age, it is cancelled and its seats released once.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class AwsPendingOrderSweepTests(MotoServer moto, DynamoDbLocal dynamoDb) : IAsyncLifetime
{
    private const int SdkAttempts = 4;
    private readonly AwsFaults _faults = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private AwsBoxOfficeApp _app = null!;
    private HttpClient _buyer = null!;
    private string _showId = null!;
    private string _orderId = null!;

    public async Task InitializeAsync()
    {
        _app = new AwsBoxOfficeApp(await AwsStack.CreateAsync(moto, dynamoDb), services =>
        {
            services.AddSingleton<HttpClientFactory>(_faults);
            services.AddSingleton<TimeProvider>(_clock);
        });
        _buyer = await _app.SignedInAsync(AwsStack.Buyer);
        _showId = (await (await _app.SignedInAsync(AwsStack.Admin)).CreateShowAsync(capacity: 10)).Str("showId");
        _faults.Inject("TransactWriteItems", AwsFault.LostAnswer, times: SdkAttempts);

        await (await _buyer.OrderAsync(_showId, 3)).ProblemAsync(HttpStatusCode.ServiceUnavailable);

        _faults.Heal();
        var order = Assert.Single((await _buyer.GetJsonAsync("/orders")).GetProperty("items").EnumerateArray());
        Assert.Equal("Pending", order.Str("status")); // committed, and no job was sent for it
        _orderId = order.Str("orderId");
        Assert.Equal(7, await SeatsAvailableAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The sweep arrives as the template's schedule sends it: a bare body on the job queue, no message attributes.</summary>
    [Fact]
    public async Task The_scheduled_sweep_sends_the_lost_ticket_job_again_and_the_worker_confirms_the_order()
    {
        var sweep = _app.Services.GetRequiredService<OrderSweep>();
        Assert.Equal(new OrderSweepResult(0, 0), await sweep.SweepAsync(default)); // too young yet
        _clock.Advance(new OrderOptions().RepublishAfter + TimeSpan.FromMinutes(1));

        var queues = new MotoQueues(moto.NewClient<Amazon.SQS.IAmazonSQS>(), _app.Stack.Settings["BoxOffice:Aws:QueueUrl"]!, "");
        await queues.SendRawAsync("""{"type":"orders.sweep"}""");
        await using (await _app.StartWorkerAsync(services => services.AddSingleton<TimeProvider>(_clock)))
            await ApiCalls.EventuallyAsync(() => _buyer.GetJsonAsync($"/orders/{_orderId}"), o => o.Str("status") == "Confirmed", TimeSpan.FromSeconds(30));
        Assert.Equal(7, await SeatsAvailableAsync());
        Assert.Equal(new OrderSweepResult(0, 0), await sweep.SweepAsync(default)); // confirmed orders leave the index
    }

    [Fact]
    public async Task An_order_left_pending_past_the_maximum_age_is_cancelled_and_its_seats_released_once()
    {
        var sweep = _app.Services.GetRequiredService<OrderSweep>();
        _clock.Advance(new OrderOptions().MaxPendingAge);

        Assert.Equal(new OrderSweepResult(0, 1), await sweep.SweepAsync(default));
        Assert.Equal(new OrderSweepResult(0, 0), await sweep.SweepAsync(default));

        var order = await _buyer.GetJsonAsync($"/orders/{_orderId}");
        Assert.Equal(("Cancelled", OrderSweep.ExpiredReason), (order.Str("status"), order.Str("cancelReason")));
        Assert.Equal(10, await SeatsAvailableAsync());
    }

    private async Task<int> SeatsAvailableAsync() =>
        (await _app.CreateClient().GetJsonAsync($"/shows/{_showId}")).GetProperty("seatsAvailable").GetInt32();
}
