namespace BoxOffice.Hosting.Lambda.Events;

/// <summary>The answer to an HTTP API (payload 2.0): one value per header, <c>Set-Cookie</c> values in <see cref="Cookies"/>.</summary>
public sealed class ApiGatewayHttpApiResponse
{
    public int StatusCode { get; init; }

    public Dictionary<string, string>? Headers { get; init; }

    public IReadOnlyList<string>? Cookies { get; init; }

    public string? Body { get; init; }

    public bool IsBase64Encoded { get; init; }
}
