using System.Security.Cryptography;
using BoxOffice.Adapters.Aws;
using BoxOffice.Adapters.Aws.DynamoDb;
using BoxOffice.Core.Paging;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>A fresh Box office table on moto, created from the same definition the app documents.</summary>
internal static class MotoTables
{
    public static async Task<DynamoDbTable> CreateAsync(MotoServer moto)
    {
        var name = MotoServer.UniqueName("boxoffice");
        var client = AwsClientFactory.CreateDynamoDb(moto.Options(), moto.Credentials);
        await client.CreateTableAsync(BoxOfficeTable.Definition(name));
        return new DynamoDbTable(client, name, new CursorCodec(RandomNumberGenerator.GetBytes(32)));
    }
}
