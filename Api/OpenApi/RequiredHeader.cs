namespace BoxOffice.Api.OpenApi;

/// <summary>
/// Endpoint metadata: the operation needs request header <paramref name="Name"/>. The handler checks it itself (to
/// answer with its own status, such as 428), so binding keeps it optional; the document says it is required.
/// </summary>
public sealed record RequiredHeader(string Name, string Description);
