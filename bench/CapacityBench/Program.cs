using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using BoxOffice.Adapters.Aws.DynamoDb;
using BoxOffice.Api.Tests.Aws;
using BoxOffice.Bench;

// bench/dynamodb-capacity.sh runs this against the DynamoDB Local it started: see docs/dynamodb.md.
const int MaxOrders = 2000, MaxShows = 100;
var url = Option("--url", null);
var orders = Bounded(Option("--orders", "200"), 1, MaxOrders);
var shows = Bounded(Option("--shows", "20"), 1, MaxShows);
if (url is null || orders is null || shows is null)
{
    Console.Error.WriteLine($"usage: CapacityBench --url http://127.0.0.1:PORT [--orders 1..{MaxOrders} (200)] [--shows 1..{MaxShows} (20)]");
    return 2;
}

// DynamoDB Local takes letters-and-digits keys only; these never leave the machine.
var credentials = new BasicAWSCredentials("capacitybench", "capacitybenchsecret");
var config = new AmazonDynamoDBConfig { ServiceURL = url, AuthenticationRegion = "us-east-1" };
using var client = new CapacityRecordingClient(credentials, config);
using var reader = new AmazonDynamoDBClient(credentials, config);

const string tableName = "boxoffice-capacity";
var definition = BoxOfficeTable.Definition(tableName);
await client.CreateTableAsync(definition);
var model = new TableModel(definition);
var shadow = await ShadowReplay.CreateAsync(reader, definition);

Console.WriteLine($"== DynamoDB Local at {url}, table from BoxOfficeTable.Definition: {model.Describe()}");
Console.WriteLine($"   {orders} orders over {shows} shows, 50 buyers, 1 to 4 seats each, every order with an idempotency key");

var labels = new PartitionLabels();
var ledger = new CapacityLedger(client, reader, model, tableName, shadow);
var result = await new OrderScenario(client, ledger, labels, tableName).RunAsync(orders.Value, shows.Value);
CapacityReport.Print(result, labels, shows.Value, Console.Out);

Console.WriteLine();
if (result.Mismatches.Count > 0)
{
    Console.WriteLine($"== attribution check FAILED on {result.Mismatches.Count} of {result.CallCount} calls:");
    foreach (var call in result.Mismatches.Take(10)) Console.WriteLine($"   {call.Step} {call.Operation}: {call.Mismatch}");
    return 1;
}
Console.WriteLine($"== attribution check: for all {result.CallCount} calls the units recomputed per item match DynamoDB Local's per-table and per-index figures (transactions: item by item, replayed as plain writes)");
return 0;

string? Option(string name, string? fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

int? Bounded(string? text, int min, int max) =>
    int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;
