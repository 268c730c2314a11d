using BoxOffice.Api.Tests.Aws;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Orders;

/// <summary><see cref="ShowCancelledRace"/> in the local shape (no in-process jobs: the test runs them).</summary>
public sealed class LocalShowCancelledRaceTests : IAsyncLifetime
{
    private readonly BoxOfficeApp _app = BoxOfficeApp.With(null, new Dictionary<string, string?> { ["BoxOffice:Queue:ProcessInApi"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_order_the_show_cancellation_job_missed_is_cancelled_by_its_ticket_job() =>
        await ShowCancelledRace.TheCancellationJobMissesTheOrderAsync(_app.Services, await _app.AdminAsync(), await _app.ClientForAsync("racer"));

    [Fact]
    public async Task A_show_cancelled_while_tickets_are_issued_cancels_the_order_instead_of_confirming_it() =>
        await ShowCancelledRace.TheShowIsCancelledWhileTicketsAreIssuedAsync(_app.Services, await _app.AdminAsync(), await _app.ClientForAsync("racer"));
}

/// <summary><see cref="ShowCancelledRace"/> in the AWS shape: the table on DynamoDB Local (the Api there runs no jobs).</summary>
[Collection(MotoCollection.Name)]
public sealed class AwsShowCancelledRaceTests(MotoServer moto, DynamoDbLocal dynamoDb) : IAsyncLifetime
{
    private AwsBoxOfficeApp _app = null!;

    public async Task InitializeAsync() => _app = new AwsBoxOfficeApp(await AwsStack.CreateAsync(moto, dynamoDb));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_order_the_show_cancellation_job_missed_is_cancelled_by_its_ticket_job() =>
        await ShowCancelledRace.TheCancellationJobMissesTheOrderAsync(
            _app.Services, await _app.SignedInAsync(AwsStack.Admin), await _app.SignedInAsync(AwsStack.Buyer));

    [Fact]
    public async Task A_show_cancelled_while_tickets_are_issued_cancels_the_order_instead_of_confirming_it() =>
        await ShowCancelledRace.TheShowIsCancelledWhileTicketsAreIssuedAsync(
            _app.Services, await _app.SignedInAsync(AwsStack.Admin), await _app.SignedInAsync(AwsStack.Buyer));
}
