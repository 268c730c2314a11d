using System.Net;
using System.Net.Http.Json;
using Amazon.S3;
using BoxOffice.Api.Tests.Posters;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Files;
using BoxOffice.Core.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// The product in the AWS shape, end to end on DynamoDB Local and moto: the Api through WebApplicationFactory with tokens issued by
/// moto's Cognito and validated through its JWKS, DynamoDB, S3 with its upload notifications, SQS and the Worker.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", TestCategory.Aws)]
public sealed class AwsShapeFlowTests(MotoServer moto, DynamoDbLocal dynamoDb) : IAsyncLifetime
{
    // A complete 1x1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(30);
    private AwsBoxOfficeApp _app = null!;

    public async Task InitializeAsync() => _app = new AwsBoxOfficeApp(await AwsStack.CreateAsync(moto, dynamoDb));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_order_is_placed_confirmed_by_the_worker_and_its_tickets_download_from_S3()
    {
        var admin = await _app.SignedInAsync(AwsStack.Admin);
        var buyer = await _app.SignedInAsync(AwsStack.Buyer);
        var showId = (await admin.CreateShowAsync(capacity: 10, price: 12.5m)).Str("showId");

        var response = await buyer.OrderAsync(showId, 3, idempotencyKey: "order-key-1");
        var orderId = (await response.ReadAsync(HttpStatusCode.Accepted)).Str("orderId");
        Assert.Equal($"/orders/{orderId}", response.Headers.Location!.OriginalString);
        Assert.Equal(7, (await _app.CreateClient().GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());
        var replay = await (await buyer.OrderAsync(showId, 3, idempotencyKey: "order-key-1")).ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal(orderId, replay.Str("orderId"));
        Assert.Equal(7, (await _app.CreateClient().GetJsonAsync($"/shows/{showId}")).GetProperty("seatsAvailable").GetInt32());

        await using (var worker = await _app.StartWorkerAsync())
        {
            var order = await ApiCalls.EventuallyAsync(() => buyer.GetJsonAsync($"/orders/{orderId}"), o => o.Str("status") == "Confirmed", JobTimeout);
            Assert.Equal(3, order.GetProperty("tickets").EnumerateArray().Select(t => t.GetString()).Distinct().Count());
            var documentUrl = new Uri(order.Str("ticketDocumentUrl"));
            Assert.Equal(moto.Url.Authority, documentUrl.Authority);
            using var pdf = await _app.S3Client.GetAsync(documentUrl);
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..5], StringComparison.Ordinal);
        }

        var mine = await buyer.GetJsonAsync("/orders?limit=10");
        Assert.Equal([orderId], mine.GetProperty("items").EnumerateArray().Select(o => o.Str("orderId")));
        await (await admin.GetAsync($"/orders/{orderId}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string, int> ImpossibleIdCases => Errors.ImpossibleIds.Cases();

    [Theory]
    [MemberData(nameof(ImpossibleIdCases))]
    public async Task An_id_past_DynamoDB_key_limits_is_a_404_problem_not_a_500(string method, string path, int id) =>
        await Errors.ImpossibleIds.SendAndExpectNotFoundAsync(await _app.SignedInAsync(AwsStack.Admin), method, path, id);

    [Fact]
    public async Task Orders_beyond_the_seats_are_refused_with_409_and_paging_cursors_are_checked()
    {
        var admin = await _app.SignedInAsync(AwsStack.Admin);
        var buyer = await _app.SignedInAsync(AwsStack.Buyer);
        var showId = (await admin.CreateShowAsync(capacity: 2)).Str("showId");
        for (var i = 0; i < 3; i++) await admin.CreateShowAsync(startsIn: TimeSpan.FromDays(40 + i));

        await (await buyer.OrderAsync(showId, 2)).ReadAsync(HttpStatusCode.Accepted);
        await (await buyer.OrderAsync(showId, 1)).ProblemAsync(HttpStatusCode.Conflict);
        await (await buyer.OrderAsync("no-such-show", 1)).ProblemAsync(HttpStatusCode.NotFound);

        var first = await _app.CreateClient().GetJsonAsync("/shows?limit=2");
        var cursor = first.Str("nextCursor");
        var second = await _app.CreateClient().GetJsonAsync($"/shows?limit=2&cursor={Uri.EscapeDataString(cursor)}");
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(s => s.Str("showId")).ToList();
        Assert.Equal(4, ids.Distinct().Count());
        var forged = cursor[..^3] + (cursor[^3] == 'A' ? "B" : "A") + cursor[^2..];
        await (await _app.CreateClient().GetAsync($"/shows?limit=2&cursor={Uri.EscapeDataString(forged)}")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_poster_uploaded_to_S3_is_inspected_by_the_worker_and_published_as_its_own_copy()
    {
        var admin = await _app.SignedInAsync(AwsStack.Admin);
        var showId = (await admin.CreateShowAsync()).Str("showId");

        var upload = await UploadPosterAsync(admin, showId, Png);

        await using var worker = await _app.StartWorkerAsync();
        var show = await ApiCalls.EventuallyAsync(() => _app.CreateClient().GetJsonAsync($"/shows/{showId}"), s => s.Str("posterStatus") == "Published", JobTimeout);
        var posterUrl = new Uri(show.Str("posterUrl"));
        Assert.Contains($"/posters/{showId}/", posterUrl.AbsolutePath, StringComparison.Ordinal);
        using var poster = await _app.S3Client.GetAsync(posterUrl);
        Assert.Equal(Png, await poster.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", poster.Content.Headers.ContentType?.MediaType); // as the Worker stored it
        Assert.Contains("response-content-disposition=attachment", posterUrl.Query, StringComparison.Ordinal);
        // The upload stays (never served) until the bucket expires it, so its URL cannot store again meanwhile.
        var files = _app.Services.GetRequiredService<IFileStore>();
        await using var kept = await files.OpenAsync(upload.Str("key"), CancellationToken.None);
        Assert.NotNull(kept);
    }

    [Fact]
    public async Task Replaying_the_upload_url_after_publishing_changes_nothing_served()
    {
        var admin = await _app.SignedInAsync(AwsStack.Admin);
        var showId = (await admin.CreateShowAsync()).Str("showId");
        var upload = await UploadPosterAsync(admin, showId, Png);
        await using var worker = await _app.StartWorkerAsync();
        var published = await ApiCalls.EventuallyAsync(() => _app.CreateClient().GetJsonAsync($"/shows/{showId}"), s => s.Str("posterStatus") == "Published", JobTimeout);

        var hostile = System.Text.Encoding.ASCII.GetBytes("<script>alert(1)</script>".PadRight(Png.Length));
        using (var replay = PosterUploads.Put(upload, hostile))
        using (var refused = await _app.S3Client.SendAsync(replay))
            Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode); // S3's conditional write (moto enforces it too)
        using (var unconditional = PosterUploads.Put(upload, hostile, without: "If-None-Match"))
        using (var refused = await _app.S3Client.SendAsync(unconditional))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode); // the condition is signed: dropping it breaks the signature

        var show = await _app.CreateClient().GetJsonAsync($"/shows/{showId}");
        Assert.Equal("Published", show.Str("posterStatus"));
        Assert.Equal(new Uri(published.Str("posterUrl")).AbsolutePath, new Uri(show.Str("posterUrl")).AbsolutePath);
        using var poster = await _app.S3Client.GetAsync(new Uri(show.Str("posterUrl")));
        Assert.Equal(Png, await poster.Content.ReadAsByteArrayAsync());
        await using var stored = await _app.Services.GetRequiredService<IFileStore>().OpenAsync(upload.Str("key"), CancellationToken.None);
        using var copy = new MemoryStream();
        await stored!.Content.CopyToAsync(copy);
        Assert.Equal(Png, copy.ToArray());
    }

    [Fact]
    public async Task A_poster_that_is_not_the_declared_image_is_rejected_with_its_reason_and_nothing_is_published()
    {
        var admin = await _app.SignedInAsync(AwsStack.Admin);
        var showId = (await admin.CreateShowAsync()).Str("showId");
        var fake = System.Text.Encoding.UTF8.GetBytes("<html><body>not a picture</body></html>");

        await UploadPosterAsync(admin, showId, fake);

        await using var worker = await _app.StartWorkerAsync();
        var show = await ApiCalls.EventuallyAsync(() => _app.CreateClient().GetJsonAsync($"/shows/{showId}"), s => s.Str("posterStatus") == "Rejected", JobTimeout);
        Assert.Equal("Declared image/png, but the file is an HTML or XML document, not an image.", show.Str("posterRejectionReason"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, show.GetProperty("posterUrl").ValueKind);
        var s3 = moto.NewClient<IAmazonS3>();
        var published = await s3.ListObjectsV2Async(new() { BucketName = _app.Stack.Settings["BoxOffice:Aws:BucketName"], Prefix = $"posters/{showId}/" });
        Assert.Empty(published.S3Objects ?? []);

        await PosterUploads.RequestAsync(admin, showId, "image/png", Png.Length);
        var again = await _app.CreateClient().GetJsonAsync($"/shows/{showId}");
        Assert.Equal(("Pending", System.Text.Json.JsonValueKind.Null), (again.Str("posterStatus"), again.GetProperty("posterRejectionReason").ValueKind));
    }

    [Fact]
    public async Task Cognito_access_tokens_are_validated_through_the_pools_JWKS()
    {
        var buyer = await _app.SignedInAsync(AwsStack.Buyer);
        var me = await buyer.GetJsonAsync("/me");
        Assert.Equal(AwsStack.Buyer, me.Str("username"));
        Assert.False(string.IsNullOrEmpty(me.Str("sub")));
        Assert.Empty(me.GetProperty("groups").EnumerateArray());

        var admin = await _app.SignedInAsync(AwsStack.Admin);
        Assert.Equal(["admin"], (await admin.GetJsonAsync("/me")).GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        await admin.GetJsonAsync("/admin/dead-letters");
        await (await buyer.GetAsync("/admin/dead-letters")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await _app.CreateClient().GetAsync("/me")).ProblemAsync(HttpStatusCode.Unauthorized);

        // A token of the same pool issued to another app client is not ours.
        var otherClient = await _app.Stack.Cognito.CreateClientAsync(_app.Stack.PoolId);
        var foreign = _app.CreateClient();
        foreign.DefaultRequestHeaders.Authorization = new("Bearer", await _app.Stack.Cognito.AccessTokenAsync(_app.Stack.PoolId, otherClient, AwsStack.Buyer));
        Assert.Equal(HttpStatusCode.Unauthorized, (await foreign.GetAsync("/me")).StatusCode);

        // The local dev issuer does not exist in this shape.
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().PostAsJsonAsync("/dev/token", new { username = "mallory", groups = new[] { "admin" } })).StatusCode);
    }

    [Fact]
    public async Task A_job_that_keeps_failing_is_dead_lettered_on_SQS_listed_and_redriven()
    {
        var admin = await _app.SignedInAsync(AwsStack.Admin);
        var queue = _app.Services.GetRequiredService<IJobQueue>();
        await queue.SendAsync(new JobMessage("test.poison", "{\"n\":1}", "poison-corr"), CancellationToken.None);

        await using (var worker = await _app.StartWorkerAsync())
        {
            var letters = await ApiCalls.EventuallyAsync(() => admin.GetJsonAsync("/admin/dead-letters"), l => l.GetArrayLength() == 1, JobTimeout);
            Assert.Equal("test.poison", letters[0].Str("type"));
            Assert.Equal("poison-corr", letters[0].Str("correlationId"));
            Assert.Equal("{\"n\":1}", letters[0].Str("body"));
        }
        // The stopped worker's last long poll (1 s) lives on in moto and would take a message arriving now.
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var redriven = await (await admin.PostAsync("/admin/dead-letters/redrive", null)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(1, redriven.GetProperty("redriven").GetInt32());
        Assert.Equal(0, (await admin.GetJsonAsync("/admin/dead-letters")).GetArrayLength());
        var back = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(2), CancellationToken.None));
        Assert.Equal(("test.poison", "poison-corr", 1), (back.Message.Type, back.Message.CorrelationId, back.ReceiveCount));
    }

    [Fact]
    public async Task Readiness_checks_every_AWS_dependency()
    {
        var ready = await _app.CreateClient().GetJsonAsync("/health/ready");

        Assert.Equal("Healthy", ready.Str("status"));
    }

    /// <summary>Asks the Api for an upload URL for a PNG of this size, then PUTs the bytes to S3 with the headers it gave.</summary>
    private async Task<System.Text.Json.JsonElement> UploadPosterAsync(HttpClient admin, string showId, byte[] bytes)
    {
        var upload = await PosterUploads.RequestAsync(admin, showId, "image/png", bytes.Length);
        using var put = PosterUploads.Put(upload, bytes);
        using var stored = await _app.S3Client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        return upload;
    }
}
