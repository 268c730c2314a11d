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

    /// <summary>
    /// What GSI1 and GSI2 hold besides the keys: everything the order queries read (a buyer's orders, a show's orders),
    /// and of a show only the names it shares with orders. Not the show's seat counter: it is all an order changes on
    /// the show, so a seat change rewrites no entry in the listing partitions <c>SHOWS#ONSALE</c> and <c>SHOWS</c>, and
    /// the listings read the page's shows whole from the table (<see cref="DynamoDbShowStore"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> IndexedAttributes =
    [
        "OrderId", "ShowId", "UserId", "HolderName", "Quantity", "UnitPrice", "Status", "TicketCodes", "DocumentKey",
        "CancelReason", "CreatedAt", "UpdatedAt",
    ];

    /// <summary>The table as the template and the emulator script create it (on-demand billing).</summary>
    public static CreateTableRequest Definition(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = [.. new[] { PK, SK, Gsi1PK, Gsi1SK, Gsi2PK, Gsi2SK, Gsi3PK, Gsi3SK }.Select(name => new AttributeDefinition(name, ScalarAttributeType.S))],
        KeySchema = [new KeySchemaElement(PK, KeyType.HASH), new KeySchemaElement(SK, KeyType.RANGE)],
        GlobalSecondaryIndexes =
        [
            Index(Gsi1, Gsi1PK, Gsi1SK, Indexed()),
            Index(Gsi2, Gsi2PK, Gsi2SK, Indexed()),
            PendingOrderIndex.Definition(),
        ],
    };

    /// <summary>An index on <paramref name="pk"/> and <paramref name="sk"/>; it projects every attribute unless told otherwise.</summary>
    private static GlobalSecondaryIndex Index(string name, string pk, string sk, Projection? projection = null) => new()
    {
        IndexName = name,
        KeySchema = [new KeySchemaElement(pk, KeyType.HASH), new KeySchemaElement(sk, KeyType.RANGE)],
        Projection = projection ?? new Projection { ProjectionType = ProjectionType.ALL },
    };

    private static Projection Indexed() => new() { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = [.. IndexedAttributes] };
}
