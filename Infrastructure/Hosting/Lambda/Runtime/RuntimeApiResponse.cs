namespace BoxOffice.Hosting.Lambda.Runtime;

/// <summary>One answer of the Runtime API: status, headers as sent, body; <see cref="CloseAfter"/> when the connection ended with it.</summary>
internal sealed record RuntimeApiResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body, bool CloseAfter = false)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The first value of the header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }
}
