using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Hosting.Lambda;
using BoxOffice.Hosting.Lambda.AspNetCore;
using Microsoft.Extensions.Time.Testing;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary><c>RequestAborted</c> fires before the invocation's deadline, however little time is left.</summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class RequestAbortedDeadlineTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private EchoApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await EchoApp.StartAsync();
        _app.Server.Time = _time;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(900_000, 899_750)]
    [InlineData(2_000, 1_750)]
    [InlineData(500, 250)]
    [InlineData(400, 200)]
    [InlineData(100, 50)]
    [InlineData(1, 0.5)]
    [InlineData(0, 0)]
    [InlineData(-30, 0)]
    public void The_margin_is_250_ms_or_half_of_what_is_left(double remainingMs, double abortAfterMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(abortAfterMs), DeadlineMargin.AbortAfter(TimeSpan.FromMilliseconds(remainingMs)));

    [Theory]
    [InlineData(2_000, 1_750)]
    [InlineData(250, 125)]
    [InlineData(100, 50)]
    [InlineData(2, 1)]
    public async Task Fires_before_the_deadline_and_the_app_still_answers(int remainingMs, int firesAtMs)
    {
        var seen = EchoApp.NextRequestAborted();
        var answer = _app.InvokeRawAsync(LambdaEventSource.HttpApi, HttpApiEvent.Create("GET", "/wait-aborted"),
            deadline: _time.GetUtcNow().AddMilliseconds(remainingMs));
        var aborted = await seen.WaitAsync(TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromMilliseconds(firesAtMs - 1));
        Assert.False(aborted.IsCancellationRequested);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(aborted.IsCancellationRequested);

        var response = JsonDocument.Parse(await answer.WaitAsync(TimeSpan.FromSeconds(10))).RootElement;
        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("aborted", response.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public async Task Is_already_cancelled_when_the_deadline_has_passed(int remainingMs)
    {
        var seen = EchoApp.NextRequestAborted();
        var answer = _app.InvokeRawAsync(LambdaEventSource.HttpApi, HttpApiEvent.Create("GET", "/wait-aborted"),
            deadline: _time.GetUtcNow().AddMilliseconds(remainingMs));

        Assert.True((await seen.WaitAsync(TimeSpan.FromSeconds(10))).IsCancellationRequested);
        Assert.Equal("aborted", JsonDocument.Parse(await answer.WaitAsync(TimeSpan.FromSeconds(10))).RootElement.GetProperty("body").GetString());
    }
}
