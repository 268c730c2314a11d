using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>
/// The single table of the AWS shape (see docs/dynamodb.md): generic key names, two overloaded sparse GSIs, a sparse keys-only GSI of Pending orders, and a
/// TTL attribute that lets DynamoDB drop expired idempotency records.
/// </summary>
internal static class BoxOfficeTable
{
    public const string PK = "PK";
    public const string SK = "SK";
    public const string Gsi1 = "GSI1";
    public const string Gsi1PK = "GSI1PK";
    public const string Gsi1SK = "GSI1SK";
    public const string Gsi2 = "GSI2";
    public const string Gsi2PK = "GSI2PK";
    public const string Gsi2SK = "GSI2SK";

    /// <summary>Sparse index of Pending orders only, keys only: the order sweep's (see <see cref="PendingOrderIndex"/>).</summary>
    public const string Gsi3 = "GSI3";
    public const string Gsi3PK = "GSI3PK";
    public const string Gsi3SK = "GSI3SK";

    /// <summary>Epoch seconds after which DynamoDB may delete the item (set on idempotency records only).</summary>
    public const string TimeToLive = "ExpiresAtEpoch";

    /// <summary>The table as the template and the emulator script create it (on-demand billing).</summary>
    public static CreateTableRequest Definition(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = [.. new[] { PK, SK, Gsi1PK, Gsi1SK, Gsi2PK, Gsi2SK, Gsi3PK, Gsi3SK }.Select(name => new AttributeDefinition(name, ScalarAttributeType.S))],
        KeySchema = [new KeySchemaElement(PK, KeyType.HASH), new KeySchemaElement(SK, KeyType.RANGE)],
        GlobalSecondaryIndexes =
        [
            Index(Gsi1, Gsi1PK, Gsi1SK),
            Index(Gsi2, Gsi2PK, Gsi2SK),
            PendingOrderIndex.Definition(),
        ],
    };

    private static GlobalSecondaryIndex Index(string name, string pk, string sk) => new()
    {
        IndexName = name,
        KeySchema = [new KeySchemaElement(pk, KeyType.HASH), new KeySchemaElement(sk, KeyType.RANGE)],
        Projection = new Projection { ProjectionType = ProjectionType.ALL },
    };
}
