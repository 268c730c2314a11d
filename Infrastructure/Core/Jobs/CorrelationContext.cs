namespace BoxOffice.Core.Jobs;

/// <summary>The request id of the work in progress: set per HTTP request and per handled job, copied into sent jobs.</summary>
public static class CorrelationContext
{
    private static readonly AsyncLocal<string?> CurrentId = new();

    public static string? Current
    {
        get => CurrentId.Value;
        set => CurrentId.Value = value;
    }
}
