using BoxOffice.Core.Queue;

namespace BoxOffice.Api.Tests.Contracts;

/// <summary>
/// What every <see cref="IJobQueue"/> + <see cref="IDeadLetters"/> pair must do: at-least-once delivery with a
/// visibility timeout, receive counting, dead letters after max receives, and redrive.
/// </summary>
public abstract class JobQueueContract
{
    protected static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(2);
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>A fresh, empty queue whose jobs stay hidden <see cref="VisibilityTimeout"/> after a receive.</summary>
    protected abstract Task<(IJobQueue Queue, IDeadLetters DeadLetters)> CreateAsync(int maxReceives);

    /// <summary>Lets <paramref name="time"/> pass for the queue: a fake clock moves, a real service is waited for.</summary>
    protected abstract Task LetTimePassAsync(TimeSpan time);

    [Fact]
    public async Task A_sent_job_arrives_with_its_type_body_and_correlation_id()
    {
        var (queue, _) = await CreateAsync(maxReceives: 5);
        await queue.SendAsync(new JobMessage("order.placed", "{\"orderId\":\"o-1\"}", "req-1"), Ct);

        var job = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));

        Assert.Equal(new JobMessage("order.placed", "{\"orderId\":\"o-1\"}", "req-1"), job.Message);
        Assert.Equal(1, job.ReceiveCount);
        Assert.False(string.IsNullOrEmpty(job.MessageId));
        Assert.False(string.IsNullOrEmpty(job.ReceiptHandle));
    }

    [Fact]
    public async Task A_job_without_correlation_id_keeps_none()
    {
        var (queue, _) = await CreateAsync(maxReceives: 5);
        await queue.SendAsync(new JobMessage("report.sales.requested", "{}", null), Ct);

        var job = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));

        Assert.Null(job.Message.CorrelationId);
    }

    [Fact]
    public async Task A_received_job_is_hidden_until_its_visibility_timeout_ends_then_delivered_again()
    {
        var (queue, _) = await CreateAsync(maxReceives: 5);
        await queue.SendAsync(new JobMessage("t", "again", null), Ct);
        var first = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));

        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, Ct));
        await LetTimePassAsync(VisibilityTimeout + TimeSpan.FromMilliseconds(300));
        var second = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal("again", second.Message.Body);
        Assert.Equal(2, second.ReceiveCount);
    }

    [Fact]
    public async Task A_deleted_job_is_not_delivered_again()
    {
        var (queue, _) = await CreateAsync(maxReceives: 5);
        await queue.SendAsync(new JobMessage("t", "once", null), Ct);
        var job = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));

        await queue.DeleteAsync(job.ReceiptHandle, Ct);
        await LetTimePassAsync(VisibilityTimeout + TimeSpan.FromMilliseconds(300));

        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, Ct));
        Assert.Equal(0, await queue.DepthAsync(Ct));
    }

    [Fact]
    public async Task Changing_visibility_to_zero_releases_a_job_at_once()
    {
        var (queue, _) = await CreateAsync(maxReceives: 5);
        await queue.SendAsync(new JobMessage("t", "release", null), Ct);
        var job = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));

        await queue.ChangeVisibilityAsync(job.ReceiptHandle, TimeSpan.Zero, Ct);

        var again = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, Ct));
        Assert.Equal(job.MessageId, again.MessageId);
        Assert.Equal(2, again.ReceiveCount);
    }

    [Fact]
    public async Task Depth_counts_waiting_and_in_flight_jobs()
    {
        var (queue, _) = await CreateAsync(maxReceives: 5);
        for (var i = 0; i < 3; i++) await queue.SendAsync(new JobMessage("t", $"job {i}", null), Ct);
        Assert.Equal(3, await queue.DepthAsync(Ct));

        var job = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1), Ct));
        Assert.Equal(3, await queue.DepthAsync(Ct));

        await queue.DeleteAsync(job.ReceiptHandle, Ct);
        Assert.Equal(2, await queue.DepthAsync(Ct));
    }

    [Fact]
    public async Task Receive_takes_at_most_the_asked_number()
    {
        var (queue, _) = await CreateAsync(maxReceives: 5);
        for (var i = 0; i < 4; i++) await queue.SendAsync(new JobMessage("t", $"job {i}", null), Ct);

        var jobs = await queue.ReceiveAsync(2, TimeSpan.FromSeconds(1), Ct);

        Assert.InRange(jobs.Count, 1, 2);
    }

    [Fact]
    public async Task A_job_received_max_times_goes_to_the_dead_letters_and_redrive_brings_it_back()
    {
        var (queue, deadLetters) = await CreateAsync(maxReceives: 2);
        await queue.SendAsync(new JobMessage("poison", "{\"n\":1}", "req-9"), Ct);
        await queue.SendAsync(new JobMessage("healthy", "{\"n\":2}", null), Ct);
        string? poisonId = null;
        for (var receive = 1; receive <= 2; receive++)
        {
            foreach (var job in await ReceiveAsync(queue, count: receive == 1 ? 2 : 1))
            {
                if (job.Message.Type == "healthy") await queue.DeleteAsync(job.ReceiptHandle, Ct);
                else
                {
                    poisonId = job.MessageId;
                    Assert.Equal(receive, job.ReceiveCount);
                    await queue.ChangeVisibilityAsync(job.ReceiptHandle, TimeSpan.Zero, Ct); // "failed"
                }
            }
        }
        Assert.NotNull(poisonId);

        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));
        var dead = Assert.Single(await deadLetters.ListAsync(10, Ct));
        Assert.Equal(new JobMessage("poison", "{\"n\":1}", "req-9"), dead.Message);
        Assert.True(dead.ReceiveCount >= 2, $"receive count {dead.ReceiveCount}");
        Assert.Single(await deadLetters.ListAsync(10, Ct)); // listing does not consume
        Assert.Equal(0, await queue.DepthAsync(Ct));

        Assert.Equal(1, await deadLetters.RedriveAsync(Ct));

        Assert.Empty(await deadLetters.ListAsync(10, Ct));
        var back = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));
        Assert.Equal(new JobMessage("poison", "{\"n\":1}", "req-9"), back.Message);
        Assert.Equal(1, back.ReceiveCount);
        Assert.Equal(0, await deadLetters.RedriveAsync(Ct));
    }

    [Fact]
    public async Task Listing_dead_letters_honours_the_maximum()
    {
        var (queue, deadLetters) = await CreateAsync(maxReceives: 1);
        for (var i = 0; i < 3; i++) await queue.SendAsync(new JobMessage("poison", $"{{\"n\":{i}}}", null), Ct);
        foreach (var job in await ReceiveAsync(queue, count: 3))
            await queue.ChangeVisibilityAsync(job.ReceiptHandle, TimeSpan.Zero, Ct);
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), Ct));

        Assert.Equal(3, (await deadLetters.ListAsync(10, Ct)).Count);
        Assert.Equal(2, (await deadLetters.ListAsync(2, Ct)).Count);
    }

    /// <summary>
    /// Receives until <paramref name="count"/> jobs came (a queue may hand out fewer than asked per call); stops
    /// there, before the visibility timeout could hand the first ones out again.
    /// </summary>
    private static async Task<List<ReceivedJob>> ReceiveAsync(IJobQueue queue, int count)
    {
        var all = new List<ReceivedJob>();
        for (var round = 0; round < 20 && all.Count < count; round++)
            all.AddRange(await queue.ReceiveAsync(count - all.Count, TimeSpan.FromMilliseconds(500), Ct));
        Assert.Equal(count, all.Count);
        return all;
    }
}
