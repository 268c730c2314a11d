using Amazon.DynamoDBv2.Model;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Shows;
using static BoxOffice.Adapters.Aws.DynamoDb.DynamoDbAttributes;

namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>
/// A show: <c>PK = SHOW#{id}</c>, <c>SK = SHOW</c>. On sale it is in GSI1 under <c>SHOWS#ONSALE</c> (sparse: the keys
/// are removed when it leaves sale); every show is in GSI2 under <c>SHOWS</c>. Both sort by <c>{startsAt}#{id}</c>.
/// Its index entries hold the keys and little else (<see cref="BoxOfficeTable.IndexedAttributes"/>): never
/// <c>SeatsAvailable</c>, which every order changes; a listing reads the shows of its page from the table.
/// The poster is <c>PosterStatus</c>, <c>PosterUpload</c> (the latest upload), <c>PosterImage</c> (the published image)
/// and <c>PosterRejection</c> (why the latest upload was rejected).
/// </summary>
internal static class ShowItem
{
    public const string OnSalePartition = "SHOWS#ONSALE";
    public const string AllPartition = "SHOWS";

    /// <summary>
    /// Written before posters kept their upload apart: the upload while pending, the image once published. Read only
    /// in the second case (a pending one was never inspected), and removed by the next poster write.
    /// </summary>
    public const string LegacyPosterKey = "PosterKey";

    public static Dictionary<string, AttributeValue> Key(string showId) => new()
    {
        [BoxOfficeTable.PK] = Str("SHOW#" + showId),
        [BoxOfficeTable.SK] = Str("SHOW"),
    };

    public static string DateSort(DateTimeOffset startsAt, string showId) => $"{Format(startsAt)}#{showId}";

    /// <summary>The table key of the show an index entry stands for.</summary>
    public static Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> entry) => new()
    {
        [BoxOfficeTable.PK] = entry[BoxOfficeTable.PK],
        [BoxOfficeTable.SK] = entry[BoxOfficeTable.SK],
    };

    public static Dictionary<string, AttributeValue> From(Show show)
    {
        var item = Key(show.ShowId);
        item["Type"] = Str("Show");
        item["ShowId"] = Str(show.ShowId);
        item["Title"] = Str(show.Title);
        item["Venue"] = Str(show.Venue);
        item["StartsAt"] = Time(show.StartsAt);
        item["Capacity"] = Num(show.Capacity);
        item["SeatsAvailable"] = Num(show.SeatsAvailable);
        item["Price"] = Num(show.Price);
        item["Status"] = Str(show.Status.ToString());
        item["PosterStatus"] = Str(show.Poster.Status.ToString());
        if (show.Poster.UploadKey is not null) item["PosterUpload"] = Str(show.Poster.UploadKey);
        if (show.Poster.PublishedKey is not null) item["PosterImage"] = Str(show.Poster.PublishedKey);
        if (show.Poster.RejectionReason is not null) item["PosterRejection"] = Str(show.Poster.RejectionReason);
        item["Version"] = Num(show.Version);
        item["CreatedAt"] = Time(show.CreatedAt);
        item["UpdatedAt"] = Time(show.UpdatedAt);
        if (show.Status == ShowStatus.OnSale)
        {
            item[BoxOfficeTable.Gsi1PK] = Str(OnSalePartition);
            item[BoxOfficeTable.Gsi1SK] = Str(DateSort(show.StartsAt, show.ShowId));
        }
        item[BoxOfficeTable.Gsi2PK] = Str(AllPartition);
        item[BoxOfficeTable.Gsi2SK] = Str(DateSort(show.StartsAt, show.ShowId));
        return item;
    }

    public static Show ToShow(Dictionary<string, AttributeValue> item) => new()
    {
        ShowId = item.String("ShowId"),
        Title = item.String("Title"),
        Venue = item.String("Venue"),
        StartsAt = item.Time("StartsAt"),
        Capacity = item.Int("Capacity"),
        SeatsAvailable = item.Int("SeatsAvailable"),
        Price = item.Decimal("Price"),
        Status = item.Enum<ShowStatus>("Status"),
        Poster = PosterOf(item),
        Version = item.Long("Version"),
        CreatedAt = item.Time("CreatedAt"),
        UpdatedAt = item.Time("UpdatedAt"),
    };

    private static Poster PosterOf(Dictionary<string, AttributeValue> item)
    {
        var status = item.Enum<PosterStatus>("PosterStatus");
        return new Poster
        {
            Status = status,
            UploadKey = item.OptionalString("PosterUpload"),
            PublishedKey = item.OptionalString("PosterImage") ?? (status == PosterStatus.Published ? item.OptionalString(LegacyPosterKey) : null),
            RejectionReason = item.OptionalString("PosterRejection"),
        };
    }
}
