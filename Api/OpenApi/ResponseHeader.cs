namespace BoxOffice.Api.OpenApi;

/// <summary>Endpoint metadata: the answer with <paramref name="StatusCode"/> carries header <paramref name="Name"/>.</summary>
public sealed record ResponseHeader(int StatusCode, string Name, string Description);
