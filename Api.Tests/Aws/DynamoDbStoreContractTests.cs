using System.Globalization;
using Amazon.DynamoDBv2.Model;
using BoxOffice.Adapters.Aws.DynamoDb;
using BoxOffice.Api.Tests.Contracts;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Reports;
using BoxOffice.Core.Shows;

namespace BoxOffice.Api.Tests.Aws;

[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class DynamoDbShowStoreContractTests(DynamoDbLocal dynamoDb) : ShowStoreContract
{
    protected override async Task<IShowStore> CreateStoreAsync() => new DynamoDbShowStore(await DynamoDbTables.CreateAsync(dynamoDb.CreateClient()), Clock);
}

[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class DynamoDbOrderStoreContractTests(DynamoDbLocal dynamoDb) : OrderStoreContract
{
    private DynamoDbTable? _last;

    protected override async Task<(IShowStore Shows, IOrderStore Orders)> CreateStoresAsync()
    {
        var table = _last = await DynamoDbTables.CreateAsync(dynamoDb.CreateClient());
        return (new DynamoDbShowStore(table, TimeProvider.System), new DynamoDbOrderStore(table));
    }

    protected override Task SetSeatsAvailableAsync(string showId, int seatsAvailable) =>
        _last!.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = _last.Name,
            Key = ShowItem.Key(showId),
            UpdateExpression = "SET SeatsAvailable = :seats",
            ExpressionAttributeValues = new() { [":seats"] = new AttributeValue { N = seatsAvailable.ToString(CultureInfo.InvariantCulture) } },
        });
}

[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class DynamoDbReportStoreContractTests(DynamoDbLocal dynamoDb) : ReportStoreContract
{
    protected override async Task<IReportStore> CreateStoreAsync() => new DynamoDbReportStore(await DynamoDbTables.CreateAsync(dynamoDb.CreateClient()));
}
