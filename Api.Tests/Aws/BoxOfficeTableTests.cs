using System.Text.Json;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Storage.DynamoDb;

namespace BoxOffice.Api.Tests.Aws;

public sealed class BoxOfficeTableTests
{
    [Fact]
    public void The_emulator_script_creates_the_table_the_code_defines()
    {
        using var script = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Aws", "dynamodb-table.json")));
        var root = script.RootElement;
        var code = BoxOfficeTable.Definition("boxoffice");

        Assert.Equal(code.BillingMode.Value, root.GetProperty("BillingMode").GetString());
        Assert.Equal(
            code.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType.Value}").Order(),
            root.GetProperty("AttributeDefinitions").EnumerateArray().Select(a => $"{a.Str("AttributeName")}:{a.Str("AttributeType")}").Order());
        Assert.Equal(Keys(code.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value))), Keys(root.GetProperty("KeySchema")));
        Assert.Equal(
            code.GlobalSecondaryIndexes.Select(i => $"{i.IndexName}/{Keys(i.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)))}/{i.Projection.ProjectionType.Value}"),
            root.GetProperty("GlobalSecondaryIndexes").EnumerateArray()
                .Select(i => $"{i.Str("IndexName")}/{Keys(i.GetProperty("KeySchema"))}/{i.GetProperty("Projection").Str("ProjectionType")}"));
    }

    private static string Keys(IEnumerable<(string Name, string Type)> keys) => string.Join(',', keys.Select(k => $"{k.Name}:{k.Type}"));

    private static string Keys(JsonElement keys) => Keys(keys.EnumerateArray().Select(k => (k.Str("AttributeName"), k.Str("KeyType"))));
}
