using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>A queue and its dead-letter queue on moto, with the redrive policy that links them.</summary>
public sealed record MotoQueues(IAmazonSQS Client, string QueueUrl, string DeadLetterQueueUrl)
{
    public static async Task<MotoQueues> CreateAsync(MotoServer moto, TimeSpan visibilityTimeout, int maxReceives)
    {
        var client = moto.NewClient<IAmazonSQS>();
        var name = MotoServer.UniqueName("jobs");
        var dlq = await client.CreateQueueAsync(name + "-dlq");
        var redrive = JsonSerializer.Serialize(new
        {
            deadLetterTargetArn = $"arn:aws:sqs:{MotoServer.Region}:{MotoServer.AccountId}:{name}-dlq",
            maxReceiveCount = maxReceives,
        });
        var queue = await client.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = name,
            Attributes = new()
            {
                ["VisibilityTimeout"] = ((int)visibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                ["RedrivePolicy"] = redrive,
            },
        });
        return new MotoQueues(client, queue.QueueUrl, dlq.QueueUrl);
    }

    /// <summary>What a consumer of the queue sees, attributes included, without going through the adapter.</summary>
    public async Task<List<Message>> ReceiveRawAsync()
    {
        var response = await Client.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = QueueUrl,
            MaxNumberOfMessages = 10,
            WaitTimeSeconds = 1,
            MessageAttributeNames = ["All"],
        });
        return response.Messages ?? [];
    }

    /// <summary>Sends <paramref name="body"/> as it is, with no message attributes (as S3 does).</summary>
    public Task SendRawAsync(string body) => Client.SendMessageAsync(QueueUrl, body);
}
