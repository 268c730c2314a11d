using System.Globalization;
using System.Text.Json;
using BoxOffice.Adapters.Aws;
using BoxOffice.Adapters.Aws.Sqs;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>A queue and its dead-letter queue on moto, with the redrive policy that links them.</summary>
public sealed record MotoQueues(SqsClient Client, string QueueUrl, string DeadLetterQueueUrl)
{
    public static SqsClient NewClient(MotoServer moto) => AwsClientFactory.CreateSqs(moto.Options(), moto.Credentials);

    public static async Task<MotoQueues> CreateAsync(MotoServer moto, TimeSpan visibilityTimeout, int maxReceives)
    {
        var client = NewClient(moto);
        var name = MotoServer.UniqueName("jobs");
        var dlqUrl = await client.CreateQueueAsync(name + "-dlq", null, CancellationToken.None);
        var redrive = JsonSerializer.Serialize(new
        {
            deadLetterTargetArn = $"arn:aws:sqs:{MotoServer.Region}:{MotoServer.AccountId}:{name}-dlq",
            maxReceiveCount = maxReceives,
        });
        var url = await client.CreateQueueAsync(name, new Dictionary<string, string>
        {
            ["VisibilityTimeout"] = ((int)visibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["RedrivePolicy"] = redrive,
        }, CancellationToken.None);
        return new MotoQueues(client, url, dlqUrl);
    }
}
