namespace BoxOffice.Hosting.Lambda.Events;

/// <summary>The answer to a REST API proxy integration (payload 1.0); every header goes in <see cref="MultiValueHeaders"/>.</summary>
public sealed class ApiGatewayRestApiResponse
{
    public int StatusCode { get; init; }

    public Dictionary<string, List<string>>? MultiValueHeaders { get; init; }

    public string? Body { get; init; }

    public bool IsBase64Encoded { get; init; }
}
