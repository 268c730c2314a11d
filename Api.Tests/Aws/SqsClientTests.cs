using BoxOffice.Adapters.Aws.Sqs;

namespace BoxOffice.Api.Tests.Aws;

[Collection(MotoCollection.Name)]
public sealed class SqsClientTests(MotoServer moto)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Send_and_receive_carry_body_and_message_attributes()
    {
        var q = await MotoQueues.CreateAsync(moto, TimeSpan.FromSeconds(30), 3);
        var sentId = await q.Client.SendAsync(q.QueueUrl,
            new SqsOutgoingMessage("{\"orderId\":\"o-1\"}", new Dictionary<string, string> { ["type"] = "order.placed", ["correlationId"] = "req-42" }), Ct);

        var received = await q.Client.ReceiveAsync(q.QueueUrl, 10, 1, null, Ct);

        var message = Assert.Single(received);
        Assert.Equal(sentId, message.MessageId);
        Assert.Equal("{\"orderId\":\"o-1\"}", message.Body);
        Assert.Equal("order.placed", message.Attributes["type"]);
        Assert.Equal("req-42", message.Attributes["correlationId"]);
        Assert.Equal(1, message.ReceiveCount);
        Assert.NotNull(message.SentAt);
    }

    [Fact]
    public async Task Batch_send_of_more_than_ten_arrives_whole_and_batch_delete_empties_the_queue()
    {
        var q = await MotoQueues.CreateAsync(moto, TimeSpan.FromSeconds(30), 3);
        var messages = Enumerable.Range(0, 13)
            .Select(i => new SqsOutgoingMessage($"m{i}", new Dictionary<string, string> { ["type"] = "t" }))
            .ToList();

        var sent = await q.Client.SendBatchAsync(q.QueueUrl, messages, Ct);
        Assert.True(sent.AllSucceeded);
        Assert.Equal(13, sent.SucceededIndexes.Count());

        var bodies = new List<string>();
        var handles = new List<string>();
        for (var round = 0; round < 10 && bodies.Count < 13; round++)
        {
            foreach (var m in await q.Client.ReceiveAsync(q.QueueUrl, 10, 1, null, Ct))
            {
                bodies.Add(m.Body);
                handles.Add(m.ReceiptHandle);
            }
        }
        Assert.Equal(Enumerable.Range(0, 13).Select(i => $"m{i}").Order(), bodies.Order());

        var deleted = await q.Client.DeleteBatchAsync(q.QueueUrl, handles, Ct);
        Assert.True(deleted.AllSucceeded);
        var attributes = await q.Client.GetAttributesAsync(q.QueueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"], Ct);
        Assert.Equal("0", attributes["ApproximateNumberOfMessages"]);
        Assert.Equal("0", attributes["ApproximateNumberOfMessagesNotVisible"]);
    }

    [Fact]
    public async Task Long_poll_waits_for_a_message_sent_meanwhile()
    {
        var q = await MotoQueues.CreateAsync(moto, TimeSpan.FromSeconds(30), 3);
        var receive = q.Client.ReceiveAsync(q.QueueUrl, 1, 5, null, Ct);
        await Task.Delay(500);
        await q.Client.SendAsync(q.QueueUrl, new SqsOutgoingMessage("late", new Dictionary<string, string>()), Ct);

        var received = await receive;

        Assert.Equal("late", Assert.Single(received).Body);
    }

    [Fact]
    public async Task Changing_visibility_to_zero_makes_a_message_receivable_again()
    {
        var q = await MotoQueues.CreateAsync(moto, TimeSpan.FromSeconds(30), 5);
        await q.Client.SendAsync(q.QueueUrl, new SqsOutgoingMessage("again", new Dictionary<string, string>()), Ct);
        var first = Assert.Single(await q.Client.ReceiveAsync(q.QueueUrl, 1, 1, null, Ct));
        Assert.Empty(await q.Client.ReceiveAsync(q.QueueUrl, 1, 0, null, Ct));

        await q.Client.ChangeVisibilityAsync(q.QueueUrl, first.ReceiptHandle, 0, Ct);

        var second = Assert.Single(await q.Client.ReceiveAsync(q.QueueUrl, 1, 1, null, Ct));
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.ReceiveCount);
    }

    [Fact]
    public async Task A_service_error_names_the_action_and_the_code()
    {
        var client = MotoQueues.NewClient(moto);
        var missing = new Uri(moto.Url, $"/{MotoServer.AccountId}/{MotoServer.UniqueName("missing")}").ToString();

        var error = await Assert.ThrowsAsync<SqsException>(() =>
            client.SendAsync(missing, new SqsOutgoingMessage("x", new Dictionary<string, string>()), Ct));

        Assert.Equal("SendMessage", error.Action);
        Assert.Equal("QueueDoesNotExist", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("QueueDoesNotExist", error.Message, StringComparison.Ordinal);
    }
}
