using System.Net;
using System.Net.Http.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Hosting.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Aws.Faults;

/// <summary>
/// The Api in the AWS shape (table on DynamoDB Local, the rest on moto) with faults injected under its SDK clients:
/// what the real services do that no emulator does. Each one is retried a bounded number of times inside the request,
/// then answered 503 with Retry-After, never 500, and no seat is lost or counted twice.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ApiFaultTests(MotoServer moto, DynamoDbLocal dynamoDb) : IAsyncLifetime
{
    /// <summary>The SDK's standard mode: the first attempt and three retries.</summary>
    private const int SdkAttempts = 4;

    /// <summary>The DynamoDB adapter's own attempts at a write that meets a transaction (the SDK does not retry those).</summary>
    private const int ConflictAttempts = 6;

    private readonly AwsFaults _faults = new();
    private AwsBoxOfficeApp _app = null!;
    private HttpClient _admin = null!;
    private HttpClient _buyer = null!;

    public async Task InitializeAsync()
    {
        _app = new AwsBoxOfficeApp(await AwsStack.CreateAsync(moto, dynamoDb), services => services.AddSingleton<HttpClientFactory>(_faults));
        _admin = await _app.SignedInAsync(AwsStack.Admin);
        _buyer = await _app.SignedInAsync(AwsStack.Buyer);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("ThrottlingException", HttpStatusCode.BadRequest)]
    [InlineData("ProvisionedThroughputExceededException", HttpStatusCode.BadRequest)]
    [InlineData("RequestLimitExceeded", HttpStatusCode.BadRequest)]
    [InlineData("InternalServerError", HttpStatusCode.InternalServerError)]
    [InlineData("ServiceUnavailable", HttpStatusCode.ServiceUnavailable)]
    public async Task Throttling_and_5xx_from_DynamoDB_are_retried_then_answered_503_with_Retry_After(string code, HttpStatusCode status)
    {
        var showId = (await _admin.CreateShowAsync()).Str("showId");
        _faults.Inject("GetItem", AwsFault.Error(code, status));

        var problem = await AssertBusyAsync(await _app.CreateClient().GetAsync($"/shows/{showId}"));

        Assert.Equal(SdkAttempts, _faults.Attempts("GetItem"));
        Assert.DoesNotContain(code, problem.GetRawText(), StringComparison.Ordinal);
        _faults.Heal();
        Assert.Equal(showId, (await _app.CreateClient().GetJsonAsync($"/shows/{showId}")).Str("showId"));
    }

    [Fact]
    public async Task A_DynamoDB_call_that_times_out_is_retried_and_one_that_always_does_is_a_503()
    {
        var showId = (await _admin.CreateShowAsync()).Str("showId");
        Assert.Equal(ApiAwsTimeouts.DynamoDb, _app.Services.GetRequiredService<IAmazonDynamoDB>().Config.Timeout);

        _faults.Inject("GetItem", AwsFault.Hang, times: 2);
        Assert.Equal(showId, (await _app.CreateClient().GetJsonAsync($"/shows/{showId}")).Str("showId"));
        Assert.Equal(3, _faults.Attempts("GetItem"));

        _faults.Inject("GetItem", AwsFault.Hang);
        await AssertBusyAsync(await _app.CreateClient().GetAsync($"/shows/{showId}"));
        Assert.Equal(3 + SdkAttempts, _faults.Attempts("GetItem"));
    }

    [Fact]
    public async Task Editing_or_cancelling_a_show_while_orders_hold_it_in_a_transaction_is_retried()
    {
        var showId = (await _admin.CreateShowAsync(capacity: 10)).Str("showId");
        _faults.Inject("UpdateItem", AwsFault.Error("TransactionConflictException"), times: 2);

        var edited = await (await PatchAsync(showId, 1, new { title = "Macbeth" })).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("Macbeth", edited.Str("title"));
        Assert.Equal(3, _faults.Attempts("UpdateItem"));
        _faults.Inject("UpdateItem", AwsFault.Error("TransactionConflictException"), times: 2);
        var cancelled = await (await _admin.DeleteAsync($"/shows/{showId}")).ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal("Cancelled", cancelled.Str("status"));
        Assert.Equal(6, _faults.Attempts("UpdateItem"));
    }

    [Fact]
    public async Task An_edit_that_keeps_meeting_transactions_is_a_503_and_changes_nothing()
    {
        var showId = (await _admin.CreateShowAsync(capacity: 10)).Str("showId");
        _faults.Inject("UpdateItem", AwsFault.Error("TransactionConflictException"));

        await AssertBusyAsync(await PatchAsync(showId, 1, new { title = "Macbeth" }));

        Assert.Equal(ConflictAttempts, _faults.Attempts("UpdateItem"));
        _faults.Heal();
        var show = await _app.CreateClient().GetJsonAsync($"/shows/{showId}");
        Assert.Equal(("Hamlet", 10), (show.Str("title"), show.GetProperty("seatsAvailable").GetInt32()));
    }

    [Fact]
    public async Task An_order_whose_transaction_keeps_conflicting_is_a_503_and_takes_no_seat()
    {
        var showId = (await _admin.CreateShowAsync(capacity: 10)).Str("showId");
        _faults.Inject("TransactWriteItems", AwsFault.TransactionCanceled("TransactionConflict", "None"));

        await AssertBusyAsync(await _buyer.OrderAsync(showId, 3));

        Assert.Equal(ConflictAttempts, _faults.Attempts("TransactWriteItems"));
        _faults.Heal();
        Assert.Equal(10, await SeatsAvailableAsync(showId));
        Assert.Equal(0, (await _buyer.GetJsonAsync("/orders")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_order_whose_transaction_conflicts_a_few_times_is_placed_once()
    {
        var showId = (await _admin.CreateShowAsync(capacity: 10)).Str("showId");
        _faults.Inject("TransactWriteItems", AwsFault.TransactionCanceled("TransactionConflict", "None"), times: 2);

        await (await _buyer.OrderAsync(showId, 3)).ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal(3, _faults.Attempts("TransactWriteItems"));
        Assert.Equal(7, await SeatsAvailableAsync(showId));
        Assert.Equal(1, (await _buyer.GetJsonAsync("/orders")).GetProperty("items").GetArrayLength());
    }

    /// <summary>The transaction commits, the answer is lost, the SDK sends it again with the same ClientRequestToken.</summary>
    [Fact]
    public async Task A_lost_answer_to_the_order_transaction_does_not_take_the_seats_twice()
    {
        var showId = (await _admin.CreateShowAsync(capacity: 10)).Str("showId");
        _faults.Inject("TransactWriteItems", AwsFault.LostAnswer, times: 1);

        var order = await (await _buyer.OrderAsync(showId, 3)).ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal(2, _faults.Attempts("TransactWriteItems"));
        Assert.Equal(7, await SeatsAvailableAsync(showId));
        var mine = (await _buyer.GetJsonAsync("/orders")).GetProperty("items");
        Assert.Equal([order.Str("orderId")], mine.EnumerateArray().Select(o => o.Str("orderId")));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task An_order_whose_job_cannot_be_sent_is_rolled_back_and_answered_503_with_Retry_After(HttpStatusCode status)
    {
        var showId = (await _admin.CreateShowAsync(capacity: 10)).Str("showId");
        _faults.Inject("SendMessage", AwsFault.ServerError(status));

        await AssertBusyAsync(await _buyer.OrderAsync(showId, 3), title: "Try again");

        Assert.Equal(SdkAttempts, _faults.Attempts("SendMessage"));
        _faults.Heal();
        Assert.Equal(10, await SeatsAvailableAsync(showId));
        var order = Assert.Single((await _buyer.GetJsonAsync("/orders")).GetProperty("items").EnumerateArray());
        Assert.Equal("Cancelled", order.Str("status"));
    }

    private Task<HttpResponseMessage> PatchAsync(string showId, long version, object changes)
    {
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/shows/{showId}") { Content = JsonContent.Create(changes) };
        patch.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return _admin.SendAsync(patch);
    }

    private async Task<int> SeatsAvailableAsync(string showId) =>
        (await _app.CreateClient().GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32();

    private static async Task<System.Text.Json.JsonElement> AssertBusyAsync(HttpResponseMessage response, string title = "Service busy")
    {
        var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(title, problem.Str("title"));
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        return problem;
    }
}
