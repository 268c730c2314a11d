using Amazon.DynamoDBv2.Model;
using BoxOffice.Core.Reports;
using static BoxOffice.Adapters.Aws.DynamoDb.DynamoDbAttributes;

namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>A sales report: <c>PK = REPORT#{id}</c>, <c>SK = REPORT</c>; read by id only.</summary>
internal static class ReportItem
{
    public static Dictionary<string, AttributeValue> Key(string reportId) => new()
    {
        [BoxOfficeTable.PK] = Str("REPORT#" + reportId),
        [BoxOfficeTable.SK] = Str("REPORT"),
    };

    public static Dictionary<string, AttributeValue> From(SalesReport report)
    {
        var item = Key(report.ReportId);
        item["Type"] = Str("Report");
        item["ReportId"] = Str(report.ReportId);
        item["RequestedBy"] = Str(report.RequestedBy);
        item["Status"] = Str(report.Status.ToString());
        if (report.FileKey is not null) item["FileKey"] = Str(report.FileKey);
        if (report.Error is not null) item["Error"] = Str(report.Error);
        item["RequestedAt"] = Time(report.RequestedAt);
        if (report.CompletedAt is { } completed) item["CompletedAt"] = Time(completed);
        return item;
    }

    public static SalesReport ToReport(Dictionary<string, AttributeValue> item) => new()
    {
        ReportId = item.String("ReportId"),
        RequestedBy = item.String("RequestedBy"),
        Status = item.Enum<ReportStatus>("Status"),
        FileKey = item.OptionalString("FileKey"),
        Error = item.OptionalString("Error"),
        RequestedAt = item.Time("RequestedAt"),
        CompletedAt = item.OptionalTime("CompletedAt"),
    };
}
