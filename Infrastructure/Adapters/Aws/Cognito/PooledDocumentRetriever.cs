using Microsoft.IdentityModel.Protocols;

namespace BoxOffice.Adapters.Aws.Cognito;

/// <summary>
/// Fetches a document with a fresh client of <see cref="IHttpClientFactory"/> each time: the key cache lives as long
/// as the process, and a client held that long would never see its pooled handler (and DNS) renewed.
/// </summary>
internal sealed class PooledDocumentRetriever(IHttpClientFactory http, string clientName, bool requireHttps) : IDocumentRetriever
{
    public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
        new HttpDocumentRetriever(http.CreateClient(clientName)) { RequireHttps = requireHttps }.GetDocumentAsync(address, cancel);
}
