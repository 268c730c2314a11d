using BoxOffice.Adapters.Aws.Sqs;
using BoxOffice.Api.Tests.Contracts;
using BoxOffice.Core.Queue;

namespace BoxOffice.Api.Tests.Aws;

[Collection(MotoCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class SqsJobQueueContractTests(MotoServer moto) : JobQueueContract
{
    protected override async Task<(IJobQueue Queue, IDeadLetters DeadLetters)> CreateAsync(int maxReceives)
    {
        var q = await MotoQueues.CreateAsync(moto, VisibilityTimeout, maxReceives);
        return (new SqsJobQueue(q.Client, q.QueueUrl), new SqsDeadLetters(q.Client, q.DeadLetterQueueUrl, q.QueueUrl));
    }

    protected override Task LetTimePassAsync(TimeSpan time) => Task.Delay(time);
}
