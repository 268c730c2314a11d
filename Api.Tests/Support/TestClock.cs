namespace BoxOffice.Api.Tests.Support;

/// <summary>The system clock, moved forward on demand (e.g. past a show's start).</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
