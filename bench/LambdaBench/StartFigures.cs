namespace BoxOffice.Bench;

/// <summary>One cold start: ms from process start to the first answer, to the first <c>next</c> (init), and CPU ms.</summary>
internal sealed record StartFigures(double WallMs, double InitMs, double CpuMs)
{
    public override string ToString() => $"{WallMs:0} ms after process start (init {InitMs:0} ms; {CpuMs:0} ms CPU)";
}
