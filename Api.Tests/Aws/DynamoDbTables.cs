using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using BoxOffice.Adapters.Aws.DynamoDb;
using BoxOffice.Core.Paging;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>A fresh Box office table under a new name, created from the same definition the app documents.</summary>
internal static class DynamoDbTables
{
    public static async Task<DynamoDbTable> CreateAsync(IAmazonDynamoDB client)
    {
        var name = MotoServer.UniqueName("boxoffice");
        await client.CreateTableAsync(BoxOfficeTable.Definition(name));
        return new DynamoDbTable(client, name, new CursorCodec(RandomNumberGenerator.GetBytes(32)));
    }
}
