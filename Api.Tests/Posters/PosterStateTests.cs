using BoxOffice.Core.Posters;

namespace BoxOffice.Api.Tests.Posters;

/// <summary>The poster's states: only the awaited upload is judged, a new upload clears the reason, the image on show stays.</summary>
public sealed class PosterStateTests
{
    private const string First = "uploads/s1/first";
    private const string Second = "uploads/s1/second";

    [Fact]
    public void An_upload_is_awaited_until_its_verdict_and_a_newer_one_makes_it_stale()
    {
        var pending = Poster.None.Upload(First);
        Assert.True(pending.Awaits(First));

        var newer = pending.Upload(Second);

        Assert.False(newer.Awaits(First));
        Assert.True(newer.Awaits(Second));
        Assert.Throws<InvalidOperationException>(() => newer.Publish(First, "posters/s1/first.png"));
        Assert.Throws<InvalidOperationException>(() => newer.Reject(First, "No."));
        Assert.False(newer.Publish(Second, "posters/s1/second.png").Awaits(Second));
    }

    [Fact]
    public void A_rejection_keeps_its_reason_and_the_poster_on_show_until_a_new_upload()
    {
        var published = Poster.None.Upload(First).Publish(First, "posters/s1/first.png");

        var rejected = published.Upload(Second).Reject(Second, "Declared image/png, but the file is text, not an image.");

        Assert.Equal(PosterStatus.Rejected, rejected.Status);
        Assert.Equal("Declared image/png, but the file is text, not an image.", rejected.RejectionReason);
        Assert.Equal("posters/s1/first.png", rejected.PublishedKey);
        var again = rejected.Upload("uploads/s1/third");
        Assert.Null(again.RejectionReason);
        Assert.Equal(PosterStatus.Pending, again.Status);
        Assert.Equal("posters/s1/first.png", again.PublishedKey);
    }

    [Fact]
    public void A_reason_is_one_short_line()
    {
        var reason = Poster.None.Upload(First).Reject(First, "  Bad\r\n   file " + new string('x', 500)).RejectionReason!;

        Assert.StartsWith("Bad file xxx", reason, StringComparison.Ordinal);
        Assert.Equal(Poster.MaxReasonLength, reason.Length);
        Assert.EndsWith("…", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Publishing_clears_the_reason_of_an_earlier_rejection()
    {
        var rejected = Poster.None.Upload(First).Reject(First, "No.");

        var published = rejected.Upload(Second).Publish(Second, "posters/s1/second.png");

        Assert.Equal((PosterStatus.Published, null, "posters/s1/second.png"), (published.Status, published.RejectionReason, published.PublishedKey));
    }
}
