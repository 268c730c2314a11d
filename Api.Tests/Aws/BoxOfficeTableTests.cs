using System.Text.Json;
using BoxOffice.Adapters.Aws.DynamoDb;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>The table is written down three times (code, emulator script, template); they must agree.</summary>
[Trait("Category", TestCategory.Template)]
public sealed class BoxOfficeTableTests
{
    [Fact]
    public void The_emulator_script_creates_the_table_the_code_defines()
    {
        using var script = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Aws", "dynamodb-table.json")));

        AssertSameTable(script.RootElement);
    }

    [Fact]
    public void The_template_creates_the_table_the_code_defines_with_its_TTL()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Aws", "serverless.template")));
        var table = template.RootElement.GetProperty("Resources").GetProperty("Table").GetProperty("Properties");

        AssertSameTable(table);
        var ttl = table.GetProperty("TimeToLiveSpecification");
        Assert.Equal(BoxOfficeTable.TimeToLive, ttl.Str("AttributeName"));
        Assert.True(ttl.GetProperty("Enabled").GetBoolean());
    }

    private static void AssertSameTable(JsonElement table)
    {
        var code = BoxOfficeTable.Definition("boxoffice");

        Assert.Equal(code.BillingMode.Value, table.Str("BillingMode"));
        Assert.Equal(
            code.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType.Value}").Order(),
            table.GetProperty("AttributeDefinitions").EnumerateArray().Select(a => $"{a.Str("AttributeName")}:{a.Str("AttributeType")}").Order());
        Assert.Equal(Keys(code.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value))), Keys(table.GetProperty("KeySchema")));
        Assert.Equal(
            code.GlobalSecondaryIndexes.Select(i => $"{i.IndexName}/{Keys(i.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)))}/{Projection(i.Projection.ProjectionType.Value, i.Projection.NonKeyAttributes)}"),
            table.GetProperty("GlobalSecondaryIndexes").EnumerateArray()
                .Select(i => $"{i.Str("IndexName")}/{Keys(i.GetProperty("KeySchema"))}/{Projection(i.GetProperty("Projection"))}"));
    }

    private static string Projection(string type, IEnumerable<string>? attributes) => $"{type}({string.Join(',', (attributes ?? []).Order(StringComparer.Ordinal))})";

    private static string Projection(JsonElement projection) => Projection(projection.Str("ProjectionType"),
        projection.TryGetProperty("NonKeyAttributes", out var attributes) ? attributes.EnumerateArray().Select(a => a.GetString()!) : null);

    private static string Keys(IEnumerable<(string Name, string Type)> keys) => string.Join(',', keys.Select(k => $"{k.Name}:{k.Type}"));

    private static string Keys(JsonElement keys) => Keys(keys.EnumerateArray().Select(k => (k.Str("AttributeName"), k.Str("KeyType"))));
}
