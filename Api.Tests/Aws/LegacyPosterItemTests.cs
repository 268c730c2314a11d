using Amazon.DynamoDBv2.Model;
using BoxOffice.Adapters.Aws.DynamoDb;
using BoxOffice.Core.Posters;
using static BoxOffice.Api.Tests.Contracts.StoreFixtures;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// Show items written before posters kept their upload apart held one <c>PosterKey</c>: the image once published, the
/// upload (never inspected) while pending. Only the first is read as a poster, and the next poster write moves it.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class LegacyPosterItemTests(DynamoDbLocal dynamoDb)
{
    [Fact]
    public void A_pending_legacy_key_is_no_poster_and_a_published_one_is()
    {
        var pending = Legacy(Show(), PosterStatus.Pending, "posters/s/upload.png");
        var published = Legacy(Show(), PosterStatus.Published, "posters/s/image.png");

        Assert.Equal(Poster.None with { Status = PosterStatus.Pending }, ShowItem.ToShow(pending).Poster);
        Assert.Equal(Poster.None with { Status = PosterStatus.Published, PublishedKey = "posters/s/image.png" }, ShowItem.ToShow(published).Poster);
    }

    [Fact]
    public async Task The_next_poster_write_keeps_a_published_legacy_image_under_its_new_name()
    {
        var table = await DynamoDbTables.CreateAsync(dynamoDb.CreateClient());
        var store = new DynamoDbShowStore(table, TimeProvider.System);
        var show = Show();
        await table.Client.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Legacy(show, PosterStatus.Published, "posters/s/image.png") });
        var read = (await store.GetAsync(show.ShowId, default))!.Poster;

        Assert.True(await store.SetPosterAsync(show.ShowId, read, read.Upload("uploads/s/next"), default));

        var item = (await table.Client.GetItemAsync(table.Name, ShowItem.Key(show.ShowId))).Item;
        Assert.False(item.ContainsKey(ShowItem.LegacyPosterKey));
        Assert.Equal("posters/s/image.png", item["PosterImage"].S);
        Assert.Equal(new Poster { Status = PosterStatus.Pending, UploadKey = "uploads/s/next", PublishedKey = "posters/s/image.png" },
            (await store.GetAsync(show.ShowId, default))!.Poster);
    }

    private static Dictionary<string, AttributeValue> Legacy(BoxOffice.Core.Shows.Show show, PosterStatus status, string key)
    {
        var item = ShowItem.From(show);
        item["PosterStatus"] = new AttributeValue { S = status.ToString() };
        item[ShowItem.LegacyPosterKey] = new AttributeValue { S = key };
        return item;
    }
}
