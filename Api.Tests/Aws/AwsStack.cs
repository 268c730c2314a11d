using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// Everything the AWS shape needs, created under fresh names: the table on DynamoDB Local, and on moto the bucket (its uploads notify the
/// queue), the queue with its dead-letter queue, and a user pool with an app client, the admin group and two users.
/// <see cref="Settings"/> points the Api and the Worker at it.
/// </summary>
public sealed class AwsStack
{
    public const string Admin = "ada-admin";
    public const string Buyer = "alice";
    public const int MaxReceives = 2;

    private AwsStack(MotoServer moto, MotoCognito cognito, IReadOnlyDictionary<string, string?> settings, string poolId, string clientId)
    {
        Moto = moto;
        Cognito = cognito;
        Settings = settings;
        PoolId = poolId;
        ClientId = clientId;
    }

    public MotoServer Moto { get; }

    public MotoCognito Cognito { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string PoolId { get; }

    public string ClientId { get; }

    public static async Task<AwsStack> CreateAsync(MotoServer moto, DynamoDbLocal dynamoDb)
    {
        var table = (await DynamoDbTables.CreateAsync(dynamoDb.CreateClient())).Name;

        // Long enough that a slow first job (JIT, PDF rendering) is not handed out again while it runs.
        var queues = await MotoQueues.CreateAsync(moto, TimeSpan.FromSeconds(3), MaxReceives);
        var bucket = MotoServer.UniqueName("files");
        var s3 = moto.NewClient<IAmazonS3>();
        await s3.PutBucketAsync(bucket);
        await s3.PutBucketNotificationAsync(new PutBucketNotificationRequest
        {
            BucketName = bucket,
            QueueConfigurations =
            [
                new QueueConfiguration
                {
                    Queue = $"arn:aws:sqs:{MotoServer.Region}:{MotoServer.AccountId}:{queues.QueueUrl.Split('/')[^1]}",
                    Events = [Amazon.S3.EventType.ObjectCreatedAll],
                },
            ],
        });

        var cognito = new MotoCognito(moto);
        var (poolId, clientId) = await cognito.CreatePoolAsync("admin");
        await cognito.CreateUserAsync(poolId, Admin, "admin");
        await cognito.CreateUserAsync(poolId, Buyer);

        var settings = new Dictionary<string, string?>
        {
            ["BoxOffice:Shape"] = "Aws",
            ["BoxOffice:Aws:Region"] = MotoServer.Region,
            ["BoxOffice:Aws:TableName"] = table,
            ["BoxOffice:Aws:BucketName"] = bucket,
            ["BoxOffice:Aws:QueueUrl"] = queues.QueueUrl,
            ["BoxOffice:Aws:DeadLetterQueueUrl"] = queues.DeadLetterQueueUrl,
            ["BoxOffice:Aws:UserPoolId"] = poolId,
            ["BoxOffice:Aws:ServiceUrls:DynamoDb"] = dynamoDb.Url.ToString(),
            ["BoxOffice:Aws:ServiceUrls:S3"] = moto.Url.ToString(),
            ["BoxOffice:Aws:ServiceUrls:Sqs"] = moto.Url.ToString(),
            ["BoxOffice:Identity:ClientId"] = clientId,
            ["BoxOffice:Identity:JwksUrl"] = cognito.JwksUrl(poolId).ToString(),
            ["BoxOffice:Paging:CursorKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["BoxOffice:Queue:PollWait"] = "00:00:01",
            ["BoxOffice:Queue:MaxReceives"] = MaxReceives.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Serilog:MinimumLevel"] = "Warning",
        };
        return new AwsStack(moto, cognito, settings, poolId, clientId);
    }

    public Task<string> AccessTokenAsync(string username) => Cognito.AccessTokenAsync(PoolId, ClientId, username);
}
